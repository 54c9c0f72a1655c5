package dev.lantern.app.structured;

import static dev.lantern.app.errors.LanternException.invalid;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI's {@code logit_bias}: token ids (as JSON object keys) to a bias from -100 to 100 added to the token's logit
 * before sampling; at most {@value #MAX_TOKENS} tokens, each an id of the model's vocabulary.
 */
public final class LogitBiases {

    static final int MAX_TOKENS = 1024;
    static final String PARAM = "logit_bias";

    private LogitBiases() {
    }

    /**
     * The biases by token id, in id order (empty for none).
     *
     * @param vocabularySize ids from 0 to this minus one are the model's
     * @throws dev.lantern.app.errors.LanternException 400 VALIDATION_ERROR naming {@code logit_bias}
     */
    public static Map<Integer, Double> parse(JsonObject bias, int vocabularySize) {
        Map<Integer, Double> out = new TreeMap<>();
        if (bias == null) {
            return out;
        }
        if (bias.size() > MAX_TOKENS) {
            throw invalid(PARAM, PARAM + ": at most " + MAX_TOKENS + " tokens.");
        }
        for (Map.Entry<String, JsonValue> e : bias.entrySet()) {
            int id;
            try {
                id = Integer.parseInt(e.getKey());
            } catch (NumberFormatException notANumber) {
                throw invalid(PARAM, PARAM + ": the key \"" + shortened(e.getKey()) + "\" is not a token id (a whole "
                        + "number, as /tokenize gives them).");
            }
            if (id < 0 || id >= vocabularySize) {
                throw invalid(PARAM, PARAM + ": token id " + id + " is outside the model's vocabulary (0 to "
                        + (vocabularySize - 1) + ").");
            }
            if (!(e.getValue() instanceof JsonNumber number) || !(number.doubleValue() >= -100)
                    || !(number.doubleValue() <= 100)) {
                throw invalid(PARAM, PARAM + ": the bias of token " + id + " must be a number from -100 to 100.");
            }
            out.put(id, number.doubleValue());
        }
        return out;
    }

    private static String shortened(String key) {
        return key.length() > 32 ? key.substring(0, 32) + "…" : key;
    }
}
