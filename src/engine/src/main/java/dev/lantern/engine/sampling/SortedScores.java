package dev.lantern.engine.sampling;

import java.util.Arrays;
import java.util.PriorityQueue;

/** Order statistics of scores without boxing the whole vocabulary. */
final class SortedScores {
    private SortedScores() {
    }

    /** The finite scores, highest first (removed tokens are skipped: after top-k only k remain to sort). */
    static float[] descendingFinite(float[] scores) {
        float[] finite = new float[scores.length];
        int n = 0;
        for (float s : scores) {
            if (s != Float.NEGATIVE_INFINITY) {
                finite[n++] = s;
            }
        }
        float[] copy = Arrays.copyOf(finite, n);
        Arrays.sort(copy);
        for (int i = 0, j = copy.length - 1; i < j; i++, j--) {
            float t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }

    /** The k-th highest score (1-based), with a k-sized min-heap: one pass, no full sort. */
    static float kthHighest(float[] scores, int k) {
        if (k > 1024) {
            float[] sorted = scores.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length - k];
        }
        PriorityQueue<Float> heap = new PriorityQueue<>(k);
        for (float s : scores) {
            if (heap.size() < k) {
                heap.add(s);
            } else if (s > heap.peek()) {
                heap.poll();
                heap.add(s);
            }
        }
        return heap.peek();
    }
}
