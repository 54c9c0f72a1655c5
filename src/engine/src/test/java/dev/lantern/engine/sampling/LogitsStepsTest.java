package dev.lantern.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogitsStepsTest {
    private static final float NEG = Float.NEGATIVE_INFINITY;
    private static final TokenHistory NONE = TokenHistory.of(new int[0], 0);

    private static float[] run(LogitsStep step, float[] in, TokenHistory history) {
        float[] before = in.clone();
        float[] out = new float[in.length];
        step.apply(in, out, history);
        assertArrayEquals(before, in, "the input must not change");
        return out;
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeOnceAcrossPromptAndOutput() {
        TokenHistory h = TokenHistory.of(new int[] {0, 1, 1}, 2); // prompt {0, 1}, generated {1}
        float[] out = run(new RepetitionPenalty(2f), new float[] {4f, -1f, 3f}, h);
        assertArrayEquals(new float[] {2f, -2f, 3f}, out);
    }

    @Test
    void frequencyAndPresenceCountOnlyGeneratedTokens() {
        TokenHistory h = TokenHistory.of(new int[] {2, 0, 0, 1}, 1); // prompt {2}, generated {0, 0, 1}
        float[] out = run(new FrequencyPresencePenalty(0.5f, 1f), new float[] {3f, 3f, 3f}, h);
        assertArrayEquals(new float[] {3f - 1f - 1f, 3f - 0.5f - 1f, 3f}, out);
    }

    @Test
    void temperatureScales() {
        assertArrayEquals(new float[] {2f, -4f}, run(new Temperature(0.5f), new float[] {1f, -2f}, NONE));
    }

    @Test
    void topKKeepsTheKBest() {
        assertArrayEquals(new float[] {NEG, 5f, 3f, NEG}, run(new TopK(2), new float[] {1f, 5f, 3f, 2f}, NONE));
    }

    @Test
    void topPKeepsTheSmallestNucleus() {
        // probabilities ≈ 0.665, 0.245, 0.090 (+ ~0): 0.665 < 0.8 so the second is needed, not the third
        float[] in = {2f, 1f, 0f, -20f};
        assertArrayEquals(new float[] {2f, 1f, NEG, NEG}, run(new TopP(0.8f), in, NONE));
        assertArrayEquals(new float[] {2f, NEG, NEG, NEG}, run(new TopP(0.5f), in, NONE));
    }

    @Test
    void minPRemovesTokensFarBelowTheBest() {
        // p1/p0 = e^-1 ≈ 0.37 kept at min_p 0.3; p2/p0 = e^-3 ≈ 0.05 removed
        assertArrayEquals(new float[] {3f, 2f, NEG}, run(new MinP(0.3f), new float[] {3f, 2f, 0f}, NONE));
    }

    @Test
    void eosSuppressionUntilMinTokensOrAlways() {
        int[] eos = {0};
        TokenHistory oneGenerated = TokenHistory.of(new int[] {5, 6}, 1);
        assertEquals(NEG, run(new EosSuppression(eos, 2, false), new float[] {1f, 1f}, oneGenerated)[0]);
        assertEquals(1f, run(new EosSuppression(eos, 1, false), new float[] {1f, 1f}, oneGenerated)[0]);
        assertEquals(NEG, run(new EosSuppression(eos, 0, true), new float[] {1f, 1f}, oneGenerated)[0]);
    }
}
