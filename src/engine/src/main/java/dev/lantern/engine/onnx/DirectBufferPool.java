package dev.lantern.engine.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Direct buffers for a model call's large outputs (the key/value cache, the logits), reused. A batch of eight
 * rows of a few hundred positions needs 16 cache buffers of about a megabyte per model call, and a prefill's
 * logits take tens of megabytes; allocating them (zeroing and faulting in fresh pages) took longer than
 * copying out of them, so buffers come back here when their tensor is closed and the next one of a similar
 * size takes them. Contents of a taken buffer are unspecified. Thread-safe.
 */
final class DirectBufferPool {
    /** Free buffers kept at most; beyond it the smallest are left to the garbage collector. */
    static final long MAX_POOLED_BYTES = 256L << 20;
    private static final int PAGE = 4096;

    private final NavigableMap<Integer, ArrayDeque<ByteBuffer>> free = new TreeMap<>();
    private long pooledBytes;

    /**
     * A buffer of at least {@code bytes} (at most twice as large, so a small cache never holds a big buffer);
     * a new one has a quarter more room, so a cache that grows by a position per step finds it again.
     */
    synchronized ByteBuffer take(int bytes) {
        Map.Entry<Integer, ArrayDeque<ByteBuffer>> fit = free.ceilingEntry(bytes);
        if (fit != null && fit.getKey() / 2 <= bytes) {
            ByteBuffer buffer = fit.getValue().poll();
            if (fit.getValue().isEmpty()) {
                free.remove(fit.getKey());
            }
            pooledBytes -= buffer.capacity();
            return buffer;
        }
        long room = Math.min(Integer.MAX_VALUE - PAGE, bytes + (long) bytes / 4);
        return ByteBuffer.allocateDirect((int) ((room + PAGE - 1) / PAGE * PAGE)).order(ByteOrder.nativeOrder());
    }

    /**
     * Takes back a buffer from {@link #take}; nothing may use it afterwards. One the pool does not keep is freed
     * at once: left to the garbage collector, such buffers piled up to gigabytes of native memory between
     * collections when long generations kept growing their caches (and the C heap kept the pages).
     */
    synchronized void give(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        while (pooledBytes + capacity > MAX_POOLED_BYTES && !free.isEmpty() && free.firstKey() < capacity) {
            Map.Entry<Integer, ArrayDeque<ByteBuffer>> smallest = free.firstEntry();
            ByteBuffer evicted = smallest.getValue().poll();
            pooledBytes -= evicted.capacity();
            if (smallest.getValue().isEmpty()) {
                free.remove(smallest.getKey());
            }
            DirectMemory.free(evicted);
        }
        if (pooledBytes + capacity <= MAX_POOLED_BYTES) {
            free.computeIfAbsent(capacity, c -> new ArrayDeque<>()).push(buffer);
            pooledBytes += capacity;
        } else {
            DirectMemory.free(buffer);
        }
    }

    synchronized long pooledBytes() {
        return pooledBytes;
    }
}
