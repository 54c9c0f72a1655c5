package dev.lantern.engine.sampling;

/**
 * Nucleus sampling: keeps the smallest set of most likely tokens whose probabilities add up to at least
 * {@code p} (always at least one token), removes the rest.
 */
public record TopP(float p) implements LogitsStep {
    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        System.arraycopy(in, 0, out, 0, in.length);
        if (p >= 1f) {
            return;
        }
        float[] sorted = SortedScores.descendingFinite(in);
        double max = sorted[0];
        double total = 0;
        for (float s : sorted) {
            total += Math.exp(s - max);
        }
        double cumulative = 0;
        float threshold = sorted[0];
        for (float s : sorted) {
            threshold = s;
            cumulative += Math.exp(s - max) / total;
            if (cumulative >= p) {
                break;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] < threshold) {
                out[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
