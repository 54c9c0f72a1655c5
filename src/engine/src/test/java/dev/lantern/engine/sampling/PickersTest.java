package dev.lantern.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.ModelConfig.GenerationDefaults;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PickersTest {
    private static final GenerationDefaults HF = new GenerationDefaults(true, 0.7, 0.9, 50, 1.0, 1, 256);

    @Test
    void greedyTakesTheFirstMaximum() {
        assertEquals(1, GreedyPicker.INSTANCE.pick(new float[] {1f, 3f, 3f, 2f}));
    }

    @Test
    void sameSeedSameDrawsDifferentSeedDifferentDraws() {
        float[] flat = new float[50];
        CategoricalPicker p1 = new CategoricalPicker(42);
        CategoricalPicker p2 = new CategoricalPicker(42);
        CategoricalPicker p3 = new CategoricalPicker(43);
        int[] d1 = IntStream.range(0, 40).map(i -> p1.pick(flat)).toArray();
        int[] d2 = IntStream.range(0, 40).map(i -> p2.pick(flat)).toArray();
        int[] d3 = IntStream.range(0, 40).map(i -> p3.pick(flat)).toArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(d1, d2);
        assertNotEquals(java.util.Arrays.toString(d1), java.util.Arrays.toString(d3));
    }

    @Test
    void categoricalNeverPicksARemovedToken() {
        float[] scores = {Float.NEGATIVE_INFINITY, 0f, Float.NEGATIVE_INFINITY, 0f};
        CategoricalPicker picker = new CategoricalPicker(1);
        for (int i = 0; i < 200; i++) {
            int t = picker.pick(scores);
            assertTrue(t == 1 || t == 3);
        }
    }

    @Test
    void logProbsAreNormalisedAndTopIsOrdered() {
        float[] scores = {0f, 2f, 1f};
        double lse = LogProbs.logSumExp(scores);
        double sum = Math.exp(0 - lse) + Math.exp(2 - lse) + Math.exp(1 - lse);
        assertEquals(1.0, sum, 1e-9);
        var top = LogProbs.top(scores, lse, 2);
        assertEquals(1, top.get(0).tokenId());
        assertEquals(2, top.get(1).tokenId());
    }

    @Test
    void chainLeavesGreedyLogitsUntouchedAndNeverMutatesItsInput() {
        SamplingParams greedy = SamplingParams.resolve(GenerationSettings.builder().greedy().build(), HF);
        float[] logits = {1f, 2f};
        assertTrue(SamplingChain.of(greedy, new int[] {0}).process(logits, TokenHistory.of(new int[0], 0)) == logits);
        SamplingParams sampled = SamplingParams.resolve(GenerationSettings.builder().temperature(0.5).topK(1)
                .repetitionPenalty(2.5).build(), HF);
        SamplingChain chain = SamplingChain.of(sampled, new int[] {0});
        assertEquals(List.of(RepetitionPenalty.class, Temperature.class, TopK.class, TopP.class),
                chain.steps().stream().map(Object::getClass).toList());
        float[] in = {1f, 2f, 0.5f};
        float[] out = chain.process(in, TokenHistory.of(new int[] {1}, 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f, 2f, 0.5f}, in);
        assertEquals(0, chain.pick(out), "token 1 was penalised to 2 / 2.5 = 0.8, below token 0; top-k 1 leaves token 0 only");
    }
}
