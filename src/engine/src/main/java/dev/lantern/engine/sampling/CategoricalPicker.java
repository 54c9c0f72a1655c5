package dev.lantern.engine.sampling;

import java.util.SplittableRandom;

/**
 * Draws from softmax(scores) with the sequence's own seeded generator, so the same seed and settings give
 * the same tokens. Two passes over the scores and no allocation.
 */
public final class CategoricalPicker implements TokenPicker {
    private final SplittableRandom random;

    public CategoricalPicker(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int pick(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double total = 0;
        for (float s : scores) {
            total += Math.exp(s - max);
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            last = i;
            cumulative += Math.exp(scores[i] - max);
            if (cumulative > target) {
                return i;
            }
        }
        return last;
    }
}
