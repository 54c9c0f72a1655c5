package dev.lantern.engine.sampling;

import java.util.Map;

/**
 * OpenAI's {@code logit_bias}: a fixed amount added to chosen tokens' logits before anything else; -100 all but
 * bans a token, +100 all but forces it. Token ids beyond the model's vocabulary are refused by
 * {@link #checkIds} when the sequence is created (the step itself does not know the vocabulary's size).
 */
public final class LogitBias implements LogitsStep {
    private final int[] ids;
    private final float[] biases;

    public LogitBias(Map<Integer, Float> bias) {
        ids = new int[bias.size()];
        biases = new float[bias.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> e : bias.entrySet()) {
            if (e.getKey() == null || e.getKey() < 0) {
                throw new IllegalArgumentException("logit_bias: token id " + e.getKey() + " is not a token id");
            }
            float b = e.getValue();
            if (!(b >= -100f && b <= 100f)) {
                throw new IllegalArgumentException("logit_bias: the bias of token " + e.getKey() + " is " + b
                        + ", outside [-100, 100]");
            }
            ids[i] = e.getKey();
            biases[i++] = b;
        }
    }

    /** Refuses ids a logits row of {@code vocabularySize} does not have. */
    public static void checkIds(Map<Integer, ?> bias, int vocabularySize) {
        for (Integer id : bias.keySet()) {
            if (id == null || id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("logit_bias: token id " + id + " is outside the vocabulary (0 to "
                        + (vocabularySize - 1) + ")");
            }
        }
    }

    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        System.arraycopy(in, 0, out, 0, in.length);
        for (int i = 0; i < ids.length; i++) {
            out[ids[i]] += biases[i];
        }
    }
}
