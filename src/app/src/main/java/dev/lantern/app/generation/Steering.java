package dev.lantern.app.generation;

import dev.lantern.app.structured.OutputStructure;
import dev.lantern.engine.constraint.TokenConstraint;
import java.util.Map;

/**
 * What a request imposes on its tokens beyond sampling, bound to the model it runs on: the structure of its answer
 * (response_format or tools) with its constraint (null: free text), and its {@code logit_bias} (in token id order).
 */
record Steering(OutputStructure structure, TokenConstraint constraint, Map<Integer, Double> logitBias) {

    static final Steering NONE = new Steering(OutputStructure.FREE, null, Map.of());

    /** The request field a refusal of a constrained setting names. */
    String constraintParam() {
        return structure.toolCalls() != null ? "tool_choice" : "response_format";
    }

    /** What tells two requests' steering apart, the same on every server (a cache key's part). */
    String key() {
        return "structure=" + structure.key() + "|logit_bias=" + logitBias;
    }
}
