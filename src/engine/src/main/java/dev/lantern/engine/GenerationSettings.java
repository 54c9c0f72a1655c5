package dev.lantern.engine;

import java.util.List;

/**
 * What a caller asks of one generation. Every field may be null, meaning "not set": the engine then takes
 * the automatic table ({@link AutoSettings}) or the model's generation_config.json. Explicit values always win.
 *
 * @param logprobs null for none; 0 for the chosen token's log-probability; N for that plus N alternatives
 */
public record GenerationSettings(Integer maxTokens, Integer minTokens, Double temperature, Double topP, Integer topK,
                                 Double minP, Double repetitionPenalty, Double frequencyPenalty,
                                 Double presencePenalty, Integer numBeams, Double lengthPenalty,
                                 Boolean earlyStopping, Long seed, List<String> stop, Boolean ignoreEos,
                                 Integer logprobs) {

    public GenerationSettings {
        stop = stop == null ? List.of() : List.copyOf(stop);
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

        /** Greedy decoding: temperature 0, one beam. */
        public Builder greedy() {
            return temperature(0.0).numBeams(1);
        }

        public GenerationSettings build() {
            return new GenerationSettings(maxTokens, minTokens, temperature, topP, topK, minP, repetitionPenalty,
                    frequencyPenalty, presencePenalty, numBeams, lengthPenalty, earlyStopping, seed, stop, ignoreEos,
                    logprobs);
        }
    }
}
