package dev.lantern.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectBufferPoolTest {
    private static final OrtEnvironment ENV = OrtRuntime.environment();
    private static final DecoderSignature SIG = new DecoderSignature("input_ids", null, null, null, null,
            List.of("pk"), List.of("pv"), "logits", List.of("k"), List.of("v"), OnnxJavaType.FLOAT,
            OnnxJavaType.FLOAT, 1, 2);

    @Test
    void aGivenBackBufferIsTakenAgainForASimilarSizeButNotForAMuchSmallerOne() {
        DirectBufferPool pool = new DirectBufferPool();
        ByteBuffer first = pool.take(100_000);
        assertTrue(first.capacity() >= 125_000, "room to grow: " + first.capacity());
        pool.give(first);
        assertSame(first, pool.take(110_000), "a cache one step longer reuses the buffer");
        pool.give(first);
        assertNotSame(first, pool.take(20_000), "a small cache does not hold a big buffer");
        assertEquals(first.capacity(), pool.pooledBytes());
    }

    /** What the pool does not keep is freed now, not at the next garbage collection. */
    @Test
    void buffersBeyondTheBoundAreFreedAtOnce() {
        assertTrue(DirectMemory.freesAtOnce(), "sun.misc.Unsafe.invokeCleaner is accessible here");
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
        DirectBufferPool pool = new DirectBufferPool();
        int third = (int) (DirectBufferPool.MAX_POOLED_BYTES * 2 / 5);
        List<ByteBuffer> taken = List.of(pool.take(third), pool.take(third), pool.take(third));
        long beforeGiving = direct.getMemoryUsed(); // nothing is allocated from here on: no collection runs
        taken.forEach(pool::give);
        long freed = beforeGiving - direct.getMemoryUsed();
        assertEquals(2L * taken.get(0).capacity(), pool.pooledBytes(), "two kept within the bound");
        assertEquals(taken.get(2).capacity(), freed, "the third freed at once");
    }

    @Test
    void thePoolKeepsAtMostItsBoundAndDropsTheSmallestFirst() {
        DirectBufferPool pool = new DirectBufferPool();
        int big = (int) (DirectBufferPool.MAX_POOLED_BYTES / 2);
        ByteBuffer small = pool.take(1_000);
        ByteBuffer a = pool.take(big - big / 5);
        ByteBuffer b = pool.take(big - big / 5);
        pool.give(small);
        pool.give(a);
        pool.give(b);
        assertTrue(pool.pooledBytes() <= DirectBufferPool.MAX_POOLED_BYTES);
        assertEquals(a.capacity() + b.capacity(), pool.pooledBytes(), "the small buffer made room for the big one");
    }

    /** Recycled buffers hold old data: the assembler must zero every padding position itself. */
    @Test
    void paddingIsZeroEvenInARecycledBuffer() {
        DirectBufferPool pool = new DirectBufferPool();
        ByteBuffer recycled = pool.take(2_400);
        for (int i = 0; i + 4 <= recycled.capacity(); i += 4) {
            recycled.putFloat(i, Float.NaN);
        }
        pool.give(recycled);
        KvCache source = KvCache.allocate(ENV, SIG, new DirectBufferPool(), 1, 2, (layer, isKey, buffer) -> {
            for (int i = 0; i < 4; i++) {
                buffer.putFloat(4 * i, i + 1);
            }
        });
        int length = 300; // 300 positions of 2 floats: 2,400 bytes, so the recycled buffer is taken
        try (KvCache out = new KvCacheAssembler(ENV, SIG, pool).assemble(List.of(new KvRowCopy(source, 0, 2)),
                length)) {
            assertEquals(0, pool.pooledBytes(), "the recycled buffer was taken");
            float[] key = new float[2 * length];
            out.key(0).getFloatBuffer().get(key);
            for (int i = 0; i < key.length - 4; i++) {
                assertEquals(0f, key[i], "padding at " + i);
            }
            assertEquals(List.of(1f, 2f, 3f, 4f), asList(java.util.Arrays.copyOfRange(key, key.length - 4,
                    key.length)));
        } finally {
            source.close();
        }
    }

    private static List<Float> asList(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return List.of(boxed);
    }
}
