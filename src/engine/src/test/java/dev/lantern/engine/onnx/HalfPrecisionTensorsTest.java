package dev.lantern.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fp16 paths no bundled model exercises: KV caches of 2-byte elements (empty, gathered, re-padded) and
 * fp16 logits. Values are small integers so fp16 holds them exactly.
 */
class HalfPrecisionTensorsTest {
    private static final OrtEnvironment ENV = OrtRuntime.environment();

    private static DecoderSignature signature(OnnxJavaType kvType) {
        return new DecoderSignature("input_ids", null, null, null, null, List.of("pk"), List.of("pv"), "logits",
                List.of("k"), List.of("v"), kvType, OnnxJavaType.FLOAT, 1, 2);
    }

    /** Row r, position p, dimension d holds 100 r + 10 p + d (+1 for values), as fp16 or fp32. */
    private static KvCache source(DecoderSignature sig, int batch, int length) {
        return KvCache.allocate(ENV, sig, new DirectBufferPool(), batch, length, (layer, isKey, buffer) -> {
            for (int r = 0; r < batch; r++) {
                for (int p = 0; p < length; p++) {
                    for (int d = 0; d < 2; d++) {
                        float v = 100 * r + 10 * p + d + (isKey ? 0 : 1);
                        int at = ((r * length + p) * 2 + d) * sig.kvElementBytes();
                        if (sig.kvElementBytes() == 2) {
                            buffer.putShort(at, HalfFloat.fromFloat(v));
                        } else {
                            buffer.putFloat(at, v);
                        }
                    }
                }
            }
        });
    }

    private static float[] read(OnnxTensor t) {
        if (t.getInfo().type == OnnxJavaType.FLOAT16) {
            short[] halves = new short[(int) t.getInfo().getNumElements()];
            t.getShortBuffer().get(halves);
            float[] out = new float[halves.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = HalfFloat.toFloat(halves[i]);
            }
            return out;
        }
        float[] out = new float[(int) t.getInfo().getNumElements()];
        t.getFloatBuffer().get(out);
        return out;
    }

    @Test
    void gatheredRowsAreRightAlignedAndLeftPaddedForBothElementSizes() {
        for (OnnxJavaType type : List.of(OnnxJavaType.FLOAT16, OnnxJavaType.FLOAT)) {
            DecoderSignature sig = signature(type);
            try (KvCache empty = KvCache.empty(ENV, sig, 3);
                 KvCache src = source(sig, 2, 3);
                 KvCache out = new KvCacheAssembler(ENV, sig, new DirectBufferPool()).assemble(
                         List.of(new KvRowCopy(src, 1, 2), new KvRowCopy(src, 0, 3), new KvRowCopy(src, 1, 3)), 0)) {
                assertEquals(0, empty.length());
                assertEquals(type, empty.key(0).getInfo().type);
                assertArrayEquals(new long[] {3, 1, 3, 2}, out.key(0).getInfo().getShape());
                // row 0: source row 1's last two positions, after one padded position
                // row 1: source row 0 whole; row 2: source row 1 whole
                assertArrayEquals(new float[] {0, 0, 110, 111, 120, 121, 0, 1, 10, 11, 20, 21, 100, 101, 110, 111,
                        120, 121}, read(out.key(0)), type.toString());
                assertEquals(121 + 1, read(out.value(0))[5]);
            }
        }
    }

    @Test
    void fp16LogitsAreConvertedAtTheLastPosition() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2 * 2 * 3 * 2).order(ByteOrder.nativeOrder());
        float[] values = {1, 2, 3, 4, 5, 6, -1, -2, -3, 0.5f, 0.25f, -0.125f}; // [batch 2, seq 2, vocab 3]
        for (float v : values) {
            buffer.putShort(HalfFloat.fromFloat(v));
        }
        buffer.rewind();
        try (OnnxTensor logits = OnnxTensor.createTensor(ENV, buffer, new long[] {2, 2, 3}, OnnxJavaType.FLOAT16)) {
            float[][] out = new float[2][3];
            LogitsRows.copyLast(logits, 2, 3, out);
            assertArrayEquals(new float[] {4, 5, 6}, out[0]);
            assertArrayEquals(new float[] {0.5f, 0.25f, -0.125f}, out[1]);
        }
    }
}
