package dev.lantern.engine.sampling;

import java.util.BitSet;

/**
 * Hugging Face's repetition penalty: every token already present in the prompt or the output has its score
 * divided by the penalty when positive and multiplied by it when negative, once however often it occurred.
 */
public record RepetitionPenalty(float penalty) implements LogitsStep {
    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        System.arraycopy(in, 0, out, 0, in.length);
        BitSet seen = new BitSet(in.length);
        for (int i = 0; i < history.length(); i++) {
            int token = history.tokenAt(i);
            if (token >= 0 && token < in.length && !seen.get(token)) {
                seen.set(token);
                out[token] = in[token] > 0 ? in[token] / penalty : in[token] * penalty;
            }
        }
    }
}
