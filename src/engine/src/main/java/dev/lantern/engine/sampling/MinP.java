package dev.lantern.engine.sampling;

/** Removes tokens whose probability is below {@code minP} times the most likely token's probability. */
public record MinP(float minP) implements LogitsStep {
    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        float max = Float.NEGATIVE_INFINITY;
        for (float s : in) {
            max = Math.max(max, s);
        }
        // p_i / p_max = exp(s_i - max): compare in log space, no normalisation needed
        float threshold = max + (float) Math.log(minP);
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] < threshold ? Float.NEGATIVE_INFINITY : in[i];
        }
    }
}
