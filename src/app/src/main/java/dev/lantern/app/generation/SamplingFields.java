package dev.lantern.app.generation;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The sampling fields every generation request carries (API contract, "Generation"), so that one mapper turns
 * any of them into engine settings. Request records implement it through their component accessors.
 */
public interface SamplingFields {
    String model();

    Double temperature();

    Double topP();

    Integer maxTokens();

    JsonValue stop();

    Long seed();

    Integer n();

    Double frequencyPenalty();

    Double presencePenalty();

    Integer topK();

    Double minP();

    Double repetitionPenalty();

    Integer numBeams();

    Boolean useBeamSearch();

    Double lengthPenalty();

    Boolean earlyStopping();

    Boolean ignoreEos();

    Integer minTokens();

    /** OpenAI's {@code logit_bias}: token ids (keys) to biases; null when the request has none (or cannot have it). */
    default JsonObject logitBias() {
        return null;
    }

    /** Alternatives wanted per token: null for no log-probabilities, 0 for the chosen token's only. */
    Integer logprobAlternatives();
}
