package dev.lantern.engine.tokenizer;

import dev.lantern.engine.template.TemplateException;
import java.util.List;
import java.util.Map;

/**
 * transformers' {@code continue_final_message}: a marker is appended to the final message's text (its last
 * text part when the content is a list), the chat is rendered, and the text is cut where the marker begins,
 * so the model continues the final message instead of starting a new turn. A template that drops or rewrites
 * the final message's text cannot be continued, which is an error, as in transformers.
 */
final class FinalMessageContinuation {
    private static final String MARKER = "CONTINUE_FINAL_MESSAGE_TAG ";
    private final String finalText;

    private FinalMessageContinuation(String finalText) {
        this.finalText = finalText;
    }

    /** Appends the marker to the final message of {@code messages} (already prepared, so mutable). */
    @SuppressWarnings("unchecked")
    static FinalMessageContinuation mark(List<Object> messages) {
        if (messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof Map<?, ?> last)) {
            throw new TemplateException("continue_final_message is set but there is no final message to continue");
        }
        Map<Object, Object> message = (Map<Object, Object>) last;
        Object content = message.get("content");
        if (content instanceof String text) {
            message.put("content", text + MARKER);
            return new FinalMessageContinuation(text);
        }
        if (content instanceof List<?> parts) {
            for (int i = parts.size() - 1; i >= 0; i--) {
                if (parts.get(i) instanceof Map<?, ?> part && part.get("text") instanceof String text) {
                    ((Map<Object, Object>) part).put("text", text + MARKER);
                    return new FinalMessageContinuation(text);
                }
            }
        }
        throw new TemplateException("continue_final_message is set but we could not find any text to continue in "
                + "the final message!");
    }

    String cut(String rendered) {
        String marker = MARKER.strip();
        if (!rendered.contains(finalText.strip()) || !rendered.contains(marker)) {
            throw new TemplateException("continue_final_message is set but the final message does not appear in the "
                    + "chat after applying the chat template! This can happen if the chat template deletes portions "
                    + "of the final message.");
        }
        int at = rendered.lastIndexOf(marker);
        return rendered.startsWith(MARKER, at) ? rendered.substring(0, at) : rendered.substring(0, at).stripTrailing();
    }
}
