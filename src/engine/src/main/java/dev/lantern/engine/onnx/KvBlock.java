package dev.lantern.engine.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The keys and values of a few consecutive positions of one sequence, copied out of a batch cache into a direct
 * buffer of their own, so that they outlive the batch: for each layer the keys, then the values, each
 * {@code [kvHeads, positions, headDim]}. Keys already carry their rotary position (RoPE is applied before the
 * cache), so a block is only valid at the positions it was computed at. {@link #free()} releases the memory at
 * once; nothing may read the block afterwards.
 */
public final class KvBlock {
    private final ByteBuffer data;
    private final int positions;
    private final int heads;
    private final int rowBytes; // one position of one head

    private KvBlock(ByteBuffer data, int positions, int heads, int rowBytes) {
        this.data = data;
        this.positions = positions;
        this.heads = heads;
        this.rowBytes = rowBytes;
    }

    /** Bytes one block of {@code positions} takes for a model of this signature. */
    public static long bytes(DecoderSignature sig, int positions) {
        return 2L * sig.layers() * sig.kvHeads() * positions * sig.headDim() * sig.kvElementBytes();
    }

    /**
     * Copies positions {@code [first, first + count)} of row {@code row} of {@code cache}, counted from the
     * row's first real position, which lies {@code cache.length() - realLength} positions in (left padding).
     */
    public static KvBlock copyOf(KvCache cache, DecoderSignature sig, int row, int realLength, int first, int count) {
        int heads = sig.kvHeads();
        int rowBytes = sig.headDim() * sig.kvElementBytes();
        int len = cache.length();
        int start = len - realLength + first;
        ByteBuffer data = ByteBuffer.allocateDirect(Math.toIntExact(bytes(sig, count))).order(ByteOrder.nativeOrder());
        int at = 0;
        for (int layer = 0; layer < sig.layers(); layer++) {
            for (ByteBuffer src : List.of(cache.keyData(layer), cache.valueData(layer))) { // [batch, heads, len, headDim]
                for (int h = 0; h < heads; h++) {
                    int from = ((row * heads + h) * len + start) * rowBytes;
                    data.put(at, src, from, count * rowBytes);
                    at += count * rowBytes;
                }
            }
        }
        return new KvBlock(data, count, heads, rowBytes);
    }

    /** Positions this block holds. */
    public int positions() {
        return positions;
    }

    public long bytes() {
        return data.capacity();
    }

    /**
     * Copies the first {@code count} positions of this block's keys (or values) of {@code layer} into
     * {@code target} ({@code [batch, heads, length, headDim]}, {@code length} positions per row) at row
     * {@code row}, position {@code at}.
     */
    void copyInto(ByteBuffer target, int layer, boolean isKey, int row, int length, int at, int count) {
        int layerBytes = 2 * heads * positions * rowBytes;
        int base = layer * layerBytes + (isKey ? 0 : layerBytes / 2);
        for (int h = 0; h < heads; h++) {
            int from = base + h * positions * rowBytes;
            int to = ((row * heads + h) * length + at) * rowBytes;
            target.put(to, data, from, count * rowBytes);
        }
    }

    /** Frees the memory now (not at some later garbage collection). */
    public void free() {
        DirectMemory.free(data);
    }
}
