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

    /**
     * A past for a prefill that continues cached prefixes: row r holds the first {@code positions[r]} positions
     * of {@code blocks.get(r)} (consecutive blocks of one prompt), right-aligned and left-padded with zeros to the
     * longest of them.
     */
    public KvCache fromBlocks(List<List<KvBlock>> blocks, int[] positions) {
        int t = 0;
        for (int p : positions) {
            t = Math.max(t, p);
        }
        int length = t;
        int heads = sig.kvHeads();
        int rowBytes = sig.headDim() * sig.kvElementBytes();
        return KvCache.allocate(env, sig, pool, blocks.size(), length, (layer, isKey, target) -> {
            for (int r = 0; r < blocks.size(); r++) { // target: [rows, heads, length, headDim]
                int pad = length - positions[r];
                for (int h = 0; h < heads; h++) {
                    zero(target, (r * heads + h) * length * rowBytes, pad * rowBytes);
                }
                int at = pad;
                for (KvBlock block : blocks.get(r)) {
                    int count = Math.min(block.positions(), length - at);
                    if (count <= 0) {
                        break;
                    }
                    block.copyInto(target, layer, isKey, r, length, at, count);
                    at += count;
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
