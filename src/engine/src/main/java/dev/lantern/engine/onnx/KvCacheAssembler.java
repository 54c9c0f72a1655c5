package dev.lantern.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a new batch cache from rows of existing ones, with new left padding: used when beams are reordered
 * and when the membership of a continuous batch changes. One copy per changed batch, never per decode step.
 */
public final class KvCacheAssembler {
    private final OrtEnvironment env;
    private final DecoderSignature sig;

    public KvCacheAssembler(OrtEnvironment env, DecoderSignature sig) {
        this.env = env;
        this.sig = sig;
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
        return KvCache.allocate(env, sig, rows.size(), t, (layer, isKey, target) -> {
            Map<KvCache, ByteBuffer> sources = new IdentityHashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                KvRowCopy row = rows.get(r);
                KvCache cache = row.source();
                ByteBuffer src = sources.computeIfAbsent(cache,
                        c -> (isKey ? c.key(layer) : c.value(layer)).getByteBuffer()); // [batch, heads, len, headDim]
                int srcLen = cache.length();
                for (int h = 0; h < heads; h++) {
                    int from = ((row.sourceRow() * heads + h) * srcLen + srcLen - row.realLength()) * rowBytes;
                    int to = ((r * heads + h) * t + t - row.realLength()) * rowBytes;
                    target.put(to, src, from, row.realLength() * rowBytes);
                }
            }
        });
    }
}
