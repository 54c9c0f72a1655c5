package dev.lantern.engine.sampling;

import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.ModelConfig.GenerationDefaults;
import dev.lantern.engine.constraint.TokenConstraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fully resolved settings of one sequence: the request's values first, then generation_config.json. Temperature 0
 * means greedy.
 *
 * @param logprobs   -1 for none, else the number of alternatives besides the chosen token
 * @param constraint null for free text (see {@link GenerationSettings#constraint()})
 */
public record SamplingParams(int maxTokens, int minTokens, float temperature, float topP, int topK, float minP,
                             float repetitionPenalty, float frequencyPenalty, float presencePenalty, int numBeams,
                             float lengthPenalty, boolean earlyStopping, long seed, List<String> stop,
                             boolean ignoreEos, int logprobs, TokenConstraint constraint,
                             Map<Integer, Float> logitBias) {

    public static SamplingParams resolve(GenerationSettings s, GenerationDefaults d) {
        boolean sample = d.doSample();
        double temperature = first(s.temperature(), sample ? d.temperature() : 0.0);
        double topP = first(s.topP(), sample ? d.topP() : 1.0);
        int topK = first(s.topK(), sample ? d.topK() : 0);
        int beams = first(s.numBeams(), d.numBeams());
        return new SamplingParams(first(s.maxTokens(), d.maxNewTokens()), first(s.minTokens(), 0),
                (float) temperature, (float) topP, topK, (float) (double) first(s.minP(), 0.0),
                (float) (double) first(s.repetitionPenalty(), d.repetitionPenalty()),
                (float) (double) first(s.frequencyPenalty(), 0.0), (float) (double) first(s.presencePenalty(), 0.0),
                Math.max(1, beams), (float) (double) first(s.lengthPenalty(), 1.0), first(s.earlyStopping(), false),
                s.seed() != null ? s.seed() : ThreadLocalRandom.current().nextLong(), s.stop(),
                first(s.ignoreEos(), false), s.logprobs() == null ? -1 : s.logprobs(), s.constraint(),
                floats(s.logitBias()));
    }

    private static Map<Integer, Float> floats(Map<Integer, Double> bias) {
        Map<Integer, Float> out = new HashMap<>();
        bias.forEach((id, b) -> out.put(id, b.floatValue()));
        return Map.copyOf(out);
    }

    public boolean greedy() {
        return temperature <= 0f;
    }

    private static <T> T first(T explicit, T fallback) {
        return explicit != null ? explicit : fallback;
    }
}
