package dev.lantern.app.prompts;

import static dev.lantern.app.errors.LanternException.invalid;

import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.tokenizer.ChatTemplateArguments;
import dev.lantern.engine.tokenizer.MessagePreparation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A chat as its model's template reads it: the messages whole (plain values, as the request sent them), the tools
 * offered, extra template variables, whether to open the assistant's turn or continue the final message, and the
 * request's own template when the server trusts it. It renders with the request's template, else the one the
 * server configures for the model, else the model's own; the messages are prepared as vLLM's OpenAI server
 * prepares them (content as the template reads it, developer turns as system ones) and the rendered text is
 * tokenized as transformers tokenizes a rendered chat (the template's special tokens recognised, no BOS added).
 * Made by {@link ChatPrompts}, which checks the request.
 */
public record ChatPrompt(List<Map<String, Object>> messages, List<Object> tools, Map<String, Object> kwargs,
                         boolean addGenerationPrompt, boolean continueFinalMessage, String requestTemplate) {

    public ChatPrompt {
        messages = List.copyOf(messages);
        kwargs = kwargs == null ? Map.of() : kwargs;
    }

    /** One user turn opening the assistant's (the tutorial's {@code /generate}). */
    public static ChatPrompt userTurn(String text) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("role", "user");
        user.put("content", text);
        return new ChatPrompt(List.of(user), null, Map.of(), true, false, null);
    }

    /**
     * Which template renders this chat on {@code model}: the SHA-256 of the source it renders with (the request's
     * own, the configured one, the model's, or the model's tool-use template when tools are offered), or
     * {@code none}. The prefix cache keeps prefixes of different templates apart.
     */
    public String templateIdentity(ServedModel model) {
        String source = templateSource(model);
        if (source == null) {
            return "none";
        }
        try {
            return (requestTemplate != null ? "request:" : "template:") + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(
                            source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The text the model would see. */
    public String render(ServedModel model) {
        String template = requestTemplate != null ? requestTemplate : model.chatTemplate();
        return model.model().renderChat(ChatTemplateArguments.of(messages, addGenerationPrompt).withTools(tools)
                .withContinueFinalMessage(continueFinalMessage).withChatTemplate(template).withKwargs(kwargs)
                .withPreparation(MessagePreparation.VLLM));
    }

    /** The source of the template this chat renders with on {@code model} (null when there is none). */
    public String templateSource(ServedModel model) {
        return model.model().chatTemplateSource(requestTemplate != null ? requestTemplate : model.chatTemplate(),
                tools != null);
    }

    /**
     * The token ids the model would see.
     *
     * @param param the request field named if the chat renders to nothing
     */
    public int[] encode(ServedModel model, String param) {
        int[] ids = model.model().encodeChat(render(model));
        if (ids.length == 0) {
            throw invalid(param, param + ": the prompt is empty");
        }
        return ids;
    }

    /** The text of the last user message (what a grounded answer searches with), or null without one. */
    public String question() {
        String question = null;
        for (Map<String, Object> message : messages) {
            if ("user".equals(message.get("role"))) {
                question = text(message.get("content"));
            }
        }
        return question;
    }

    /**
     * This chat with its leading system turn (a system or developer message) replaced by a system message of
     * {@code system} applied to that turn's text, or with one put first ({@code system} then gets null).
     */
    public ChatPrompt withSystem(UnaryOperator<String> system) {
        List<Map<String, Object>> turns = new ArrayList<>(messages);
        String callers = null;
        if (!turns.isEmpty() && List.of("system", "developer").contains(turns.get(0).get("role"))) {
            callers = text(turns.remove(0).get("content"));
        }
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("role", "system");
        turn.put("content", system.apply(callers));
        turns.add(0, turn);
        return new ChatPrompt(turns, tools, kwargs, addGenerationPrompt, continueFinalMessage, requestTemplate);
    }

    /** Whether tools are offered, called or answered in this chat. */
    public boolean involvesTools() {
        return tools != null || messages.stream().anyMatch(m -> m.containsKey("tool_calls") || "tool".equals(m.get("role")));
    }

    /** Everything but the messages that changes what the model sees, as text (a cache key's determinants). */
    public String determinants() {
        return "tools=" + tools + "|kwargs=" + kwargs + "|template=" + requestTemplate + "|open=" + addGenerationPrompt
                + "|continue=" + continueFinalMessage;
    }

    /** A content's text as the template gets it from a string-reading template: parts joined by newlines. */
    static String text(Object content) {
        if (content instanceof String text) {
            return text;
        }
        List<String> texts = new ArrayList<>();
        if (content instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> p && p.get("text") instanceof String text) {
                    texts.add(text);
                }
            }
        }
        return String.join("\n", texts);
    }
}
