package dev.lantern.engine.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** Copies the last position's logits row of each sequence out of a {@code [batch, seq, vocab]} output. */
final class LogitsRows {
    private LogitsRows() {
    }

    /** From a tensor ONNX Runtime allocated (one copy of the whole output first). */
    static void copyLast(OnnxTensor logits, int batch, int vocab, float[][] out) {
        long[] shape = logits.getInfo().getShape(); // [batch, seq (1 when num_logits_to_keep = 1), vocab]
        int positions = (int) shape[1];
        ByteBuffer bytes = logits.getByteBuffer().order(ByteOrder.nativeOrder());
        copyLast(bytes, logits.getInfo().type, batch, positions, vocab, out);
    }

    /** From the bytes of a {@code [batch, positions, vocab]} output in native order, read in place. */
    static void copyLast(ByteBuffer logits, OnnxJavaType type, int batch, int positions, int vocab, float[][] out) {
        if (type == OnnxJavaType.FLOAT16) {
            ShortBuffer halves = logits.asShortBuffer();
            for (int b = 0; b < batch; b++) {
                int base = (b * positions + positions - 1) * vocab;
                for (int i = 0; i < vocab; i++) {
                    out[b][i] = HalfFloat.toFloat(halves.get(base + i));
                }
            }
            return;
        }
        FloatBuffer floats = logits.asFloatBuffer();
        for (int b = 0; b < batch; b++) {
            floats.get((b * positions + positions - 1) * vocab, out[b], 0, vocab);
        }
    }
}
