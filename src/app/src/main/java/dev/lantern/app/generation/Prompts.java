package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.ChatMessage;
import dev.lantern.engine.LanguageModel;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Request inputs as token ids: chats through the model's template, completion prompts in their four shapes. */
final class Prompts {

    static final int MAX_PROMPTS = 64;

    private Prompts() {
    }

    static int[] chat(LanguageModel model, List<ChatMessageBody> messages) {
        List<ChatMessage> turns = new ArrayList<>();
        for (ChatMessageBody m : messages) {
            if (m.text() == null) {
                throw invalid("messages", "messages: content must be a string or an array of text parts");
            }
            turns.add(m.toEngine());
        }
        return nonEmpty(model.encode(model.renderChat(turns, true)), "messages");
    }

    /** The tutorial's {@code text} as one user turn of the model's chat template. */
    static int[] userTurn(LanguageModel model, String text) {
        return nonEmpty(model.encode(model.renderChat(List.of(new ChatMessage("user", text)), true)), "text");
    }

    static int[] text(LanguageModel model, String text, String param) {
        return nonEmpty(model.encode(text), param);
    }

    /** A string, an array of strings, an array of token ids, or an array of arrays of token ids. */
    static List<int[]> completion(LanguageModel model, JsonValue prompt) {
        if (prompt instanceof JsonString s) {
            return List.of(text(model, s.getString(), "prompt"));
        }
        if (!(prompt instanceof JsonArray array) || array.isEmpty()) {
            throw invalid("prompt", "prompt: a string, or a non-empty array of strings or token ids");
        }
        if (array.stream().allMatch(JsonNumber.class::isInstance)) {
            return List.of(ids(model, array));
        }
        if (array.size() > MAX_PROMPTS) {
            throw invalid("prompt", "prompt: at most " + MAX_PROMPTS + " prompts in one request");
        }
        List<int[]> prompts = new ArrayList<>();
        for (JsonValue item : array) {
            if (item instanceof JsonString s) {
                prompts.add(text(model, s.getString(), "prompt"));
            } else if (item instanceof JsonArray ids && !ids.isEmpty()
                    && ids.stream().allMatch(JsonNumber.class::isInstance)) {
                prompts.add(ids(model, ids));
            } else {
                throw invalid("prompt", "prompt: every item must be a string or an array of token ids");
            }
        }
        return prompts;
    }

    private static int[] ids(LanguageModel model, JsonArray array) {
        int vocab = model.config().vocabSize();
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNumber n = (JsonNumber) array.get(i);
            if (!n.isIntegral() || n.longValue() < 0 || n.longValue() >= vocab) {
                throw invalid("prompt", "prompt: token ids must be integers from 0 to " + (vocab - 1));
            }
            ids[i] = n.intValue();
        }
        return ids;
    }

    private static int[] nonEmpty(int[] ids, String param) {
        if (ids.length == 0) {
            throw invalid(param, param + ": the prompt is empty");
        }
        return ids;
    }

    static LanternException invalid(String param, String message) {
        return new LanternException(ErrorCode.VALIDATION_ERROR, message).withParam(param);
    }
}
