package dev.lantern.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Builds a new batch cache from rows of existing ones, with new left padding: used when beams are reordered
 * and when the membership of a continuous batch changes. One copy of the rows (the caches' own buffers are
 * read directly), into buffers from the session's pool; padding positions are zeroed.
 */
public final class KvCacheAssembler {
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);
    private final OrtEnvironment env;
    private final DecoderSignature sig;
    private final DirectBufferPool pool;

    KvCacheAssembler(OrtEnvironment env, DecoderSignature sig, DirectBufferPool pool) {
        this.env = env;
        this.sig = sig;
        this.pool = pool;
    }

    /** Rows in output order; the new length is the longest real length unless {@code length} is larger. */
    public KvCache assemble(List<KvRowCopy> rows, int length) {
        int newLength = length;
        for (KvRowCopy row : rows) {
            newLength = Math.max(newLength, row.realLength());
        }
        int t = newLength;
        int heads = sig.kvHeads();
        int rowBytes = sig.headDim() * sig.kvElementBytes(); // one position of one head
        return KvCache.allocate(env, sig, pool, rows.size(), t, (layer, isKey, target) -> {
            for (int r = 0; r < rows.size(); r++) {
                KvRowCopy row = rows.get(r);
                KvCache cache = row.source();
                ByteBuffer src = isKey ? cache.keyData(layer) : cache.valueData(layer); // [batch, heads, len, headDim]
                int srcLen = cache.length();
                int real = row.realLength();
                for (int h = 0; h < heads; h++) {
                    int from = ((row.sourceRow() * heads + h) * srcLen + srcLen - real) * rowBytes;
                    int start = (r * heads + h) * t * rowBytes;
                    zero(target, start, (t - real) * rowBytes);
                    target.put(start + (t - real) * rowBytes, src, from, real * rowBytes);
                }
            }
        });
    }

    private static void zero(ByteBuffer target, int at, int bytes) {
        for (int done = 0; done < bytes; done += ZEROS.capacity()) {
            target.put(at + done, ZEROS, 0, Math.min(ZEROS.capacity(), bytes - done));
        }
    }
}
