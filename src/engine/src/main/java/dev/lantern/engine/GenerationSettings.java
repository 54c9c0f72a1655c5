package dev.lantern.engine;

import dev.lantern.engine.constraint.TokenConstraint;
import java.util.List;
import java.util.Map;

/**
 * What a caller asks of one generation. Every field may be null, meaning "not set": the engine then takes
 * the automatic table ({@link AutoSettings}) or the model's generation_config.json. Explicit values always win.
 *
 * @param logprobs null for none; 0 for the chosen token's log-probability; N for that plus N alternatives
 * @param constraint null for free text; else every generated token continues a document of this grammar, and
 *                   end-of-sequence comes only when the document is complete (response_format, tool calls)
 * @param logitBias  token id to a bias in [-100, 100] added to its logit (OpenAI's logit_bias); empty for none
 */
public record GenerationSettings(Integer maxTokens, Integer minTokens, Double temperature, Double topP, Integer topK,
                                 Double minP, Double repetitionPenalty, Double frequencyPenalty,
                                 Double presencePenalty, Integer numBeams, Double lengthPenalty,
                                 Boolean earlyStopping, Long seed, List<String> stop, Boolean ignoreEos,
                                 Integer logprobs, TokenConstraint constraint, Map<Integer, Double> logitBias) {

    public GenerationSettings {
        stop = stop == null ? List.of() : List.copyOf(stop);
        logitBias = logitBias == null ? Map.of() : Map.copyOf(logitBias);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static GenerationSettings defaults() {
        return builder().build();
    }

    /** Mutable builder for the record, for callers and tests. */
    public static final class Builder {
        private Integer maxTokens;
        private Integer minTokens;
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Double minP;
        private Double repetitionPenalty;
        private Double frequencyPenalty;
        private Double presencePenalty;
        private Integer numBeams;
        private Double lengthPenalty;
        private Boolean earlyStopping;
        private Long seed;
        private List<String> stop;
        private Boolean ignoreEos;
        private Integer logprobs;
        private TokenConstraint constraint;
        private Map<Integer, Double> logitBias;

        public Builder maxTokens(Integer v) { maxTokens = v; return this; }
        public Builder minTokens(Integer v) { minTokens = v; return this; }
        public Builder temperature(Double v) { temperature = v; return this; }
        public Builder topP(Double v) { topP = v; return this; }
        public Builder topK(Integer v) { topK = v; return this; }
        public Builder minP(Double v) { minP = v; return this; }
        public Builder repetitionPenalty(Double v) { repetitionPenalty = v; return this; }
        public Builder frequencyPenalty(Double v) { frequencyPenalty = v; return this; }
        public Builder presencePenalty(Double v) { presencePenalty = v; return this; }
        public Builder numBeams(Integer v) { numBeams = v; return this; }
        public Builder lengthPenalty(Double v) { lengthPenalty = v; return this; }
        public Builder earlyStopping(Boolean v) { earlyStopping = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder stop(List<String> v) { stop = v; return this; }
        public Builder ignoreEos(Boolean v) { ignoreEos = v; return this; }
        public Builder logprobs(Integer v) { logprobs = v; return this; }
        public Builder constraint(TokenConstraint v) { constraint = v; return this; }
        public Builder logitBias(Map<Integer, Double> v) { logitBias = v; return this; }

        /** Greedy decoding: temperature 0, one beam. */
        public Builder greedy() {
            return temperature(0.0).numBeams(1);
        }

        public GenerationSettings build() {
            return new GenerationSettings(maxTokens, minTokens, temperature, topP, topK, minP, repetitionPenalty,
                    frequencyPenalty, presencePenalty, numBeams, lengthPenalty, earlyStopping, seed, stop, ignoreEos,
                    logprobs, constraint, logitBias);
        }
    }
}
