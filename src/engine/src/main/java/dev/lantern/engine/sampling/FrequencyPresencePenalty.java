package dev.lantern.engine.sampling;

import java.util.BitSet;

/**
 * OpenAI's penalties over the generated tokens only (not the prompt):
 * {@code score - count × frequency - (count > 0 ? presence : 0)}.
 */
public record FrequencyPresencePenalty(float frequency, float presence) implements LogitsStep {
    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        System.arraycopy(in, 0, out, 0, in.length);
        BitSet seen = new BitSet(in.length);
        for (int i = history.promptLength(); i < history.length(); i++) {
            int token = history.tokenAt(i);
            if (token < 0 || token >= in.length) {
                continue;
            }
            out[token] -= frequency;
            if (!seen.get(token)) {
                seen.set(token);
                out[token] -= presence;
            }
        }
    }
}
