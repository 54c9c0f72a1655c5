package dev.lantern.engine.sampling;

/** Keeps the k highest scores (and any tied with the k-th), removes the rest. */
public record TopK(int k) implements LogitsStep {
    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        System.arraycopy(in, 0, out, 0, in.length);
        if (k <= 0 || k >= in.length) {
            return;
        }
        float threshold = SortedScores.kthHighest(in, k);
        for (int i = 0; i < out.length; i++) {
            if (out[i] < threshold) {
                out[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
