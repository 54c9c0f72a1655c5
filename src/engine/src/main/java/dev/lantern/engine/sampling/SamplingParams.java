package dev.lantern.engine.sampling;

import dev.lantern.engine.AutoSettings;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.ModelConfig.GenerationDefaults;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fully resolved settings of one sequence: caller values first, then the automatic table (only when the caller
 * set none of temperature/top_p/top_k/num_beams), then generation_config.json. Temperature 0 means greedy.
 *
 * @param logprobs -1 for none, else the number of alternatives besides the chosen token
 */
public record SamplingParams(int maxTokens, int minTokens, float temperature, float topP, int topK, float minP,
                             float repetitionPenalty, float frequencyPenalty, float presencePenalty, int numBeams,
                             float lengthPenalty, boolean earlyStopping, long seed, List<String> stop,
                             boolean ignoreEos, int logprobs) {

    public static SamplingParams resolve(GenerationSettings s, GenerationDefaults d, AutoSettings auto,
                                         int promptTokens) {
        AutoSettings.Rule rule = s.setsSamplingShape() || auto == null ? null : auto.forPromptLength(promptTokens);
        boolean sample = d.doSample();
        double temperature = first(s.temperature(), rule == null ? null : rule.temperature(),
                sample ? d.temperature() : 0.0);
        double topP = first(s.topP(), rule == null ? null : rule.topP(), sample ? d.topP() : 1.0);
        int topK = first(s.topK(), rule == null ? null : rule.topK(), sample ? d.topK() : 0);
        int beams = first(s.numBeams(), rule == null ? null : rule.numBeams(), d.numBeams());
        return new SamplingParams(first(s.maxTokens(), null, d.maxNewTokens()), first(s.minTokens(), null, 0),
                (float) temperature, (float) topP, topK, (float) (double) first(s.minP(), null, 0.0),
                (float) (double) first(s.repetitionPenalty(), null, d.repetitionPenalty()),
                (float) (double) first(s.frequencyPenalty(), null, 0.0), (float) (double) first(s.presencePenalty(), null, 0.0),
                Math.max(1, beams), (float) (double) first(s.lengthPenalty(), null, 1.0),
                first(s.earlyStopping(), null, false),
                s.seed() != null ? s.seed() : ThreadLocalRandom.current().nextLong(), s.stop(),
                first(s.ignoreEos(), null, false), s.logprobs() == null ? -1 : s.logprobs());
    }

    public boolean greedy() {
        return temperature <= 0f;
    }

    private static <T> T first(T explicit, T auto, T fallback) {
        return explicit != null ? explicit : auto != null ? auto : fallback;
    }
}
