package dev.lantern.engine.sampling;

/** Forbids end-of-sequence tokens: always ({@code ignore_eos}) or until {@code minTokens} were generated. */
public record EosSuppression(int[] eosIds, int minTokens, boolean always) implements LogitsStep {
    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        System.arraycopy(in, 0, out, 0, in.length);
        if (always || history.generatedLength() < minTokens) {
            for (int id : eosIds) {
                if (id >= 0 && id < out.length) {
                    out[id] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
