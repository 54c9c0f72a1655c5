package dev.lantern.engine.sampling;

import java.util.Arrays;

/** Scores sorted from highest to lowest, without boxing: a copy sorted ascending, then read backwards. */
final class SortedScores {
    private SortedScores() {
    }

    static float[] descending(float[] scores) {
        float[] copy = scores.clone();
        Arrays.sort(copy);
        for (int i = 0, j = copy.length - 1; i < j; i++, j--) {
            float t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }
}
