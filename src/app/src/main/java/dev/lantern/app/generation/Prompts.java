package dev.lantern.app.generation;

import static dev.lantern.app.errors.LanternException.invalid;

import dev.lantern.engine.LanguageModel;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Completion prompts as token ids, in their four shapes (chats: {@code prompts.ChatPrompt}). */
final class Prompts {

    static final int MAX_PROMPTS = 64;

    private Prompts() {
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
}
