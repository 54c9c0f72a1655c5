package dev.lantern.engine.embedding;

import java.nio.FloatBuffer;

/** Mean of the hidden states of real tokens, scaled to unit length. */
final class MeanPooling {
    private MeanPooling() {
    }

    /**
     * @param hidden {@code [batch, width, dimension]}
     * @param mask   {@code [batch, width]}
     */
    static float[] pooledAndNormalised(FloatBuffer hidden, long[] mask, int row, int width, int dimension) {
        double[] sum = new double[dimension];
        int count = 0;
        for (int t = 0; t < width; t++) {
            if (mask[row * width + t] == 0) {
                continue;
            }
            count++;
            int base = (row * width + t) * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += hidden.get(base + d);
            }
        }
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            sum[d] /= Math.max(1, count);
            norm += sum[d] * sum[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] out = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            out[d] = (float) (sum[d] / norm);
        }
        return out;
    }
}
