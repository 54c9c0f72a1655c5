package dev.lantern.engine.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.Reference;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.onnx.DecoderSession;
import dev.lantern.engine.onnx.KvBlock;
import dev.lantern.engine.onnx.KvCache;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cache's bookkeeping on real caches of the tiny model: bytes, least recently used leaves, pins, scopes. */
class PrefixCacheTest {
    private static final int B = PrefixCache.BLOCK_TOKENS;
    private static LanguageModel model;
    private static long blockBytes;

    @BeforeAll
    static void load() {
        model = LanguageModel.load(Reference.TINY, RuntimeOptions.defaults().withOnnxFile("model.onnx"));
        blockBytes = KvBlock.bytes(model.decoder().signature(), B);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[] prompt(int first, int length) {
        return IntStream.range(first, first + length).map(i -> 3 + i % 90).toArray();
    }

    /** Prefills {@code prompt} alone and stores it. */
    private static void store(PrefixCache cache, String scope, int[] prompt) {
        DecoderSession d = model.decoder();
        long[] ids = IntStream.of(prompt).asLongStream().toArray();          // [1, length]
        long[] mask = new long[prompt.length];                              // [1, length]
        java.util.Arrays.fill(mask, 1);
        long[] positions = IntStream.range(0, prompt.length).asLongStream().toArray(); // [1, length]
        try (KvCache empty = KvCache.empty(d.environment(), d.signature(), 1);
             KvCache kv = d.run(ids, mask, positions, 1, prompt.length, empty, new float[1][d.vocabSize()])) {
            cache.store(scope, prompt, kv, 0, prompt.length);
        }
    }

    private static int hit(PrefixCache cache, String scope, int[] prompt) {
        try (PrefixMatch m = cache.lookup(scope, prompt)) {
            return m.tokens();
        }
    }

    @Test
    void keepsWholeBlocksUpToItsBytes() {
        PrefixCache cache = new PrefixCache(model.decoder().signature(), 3 * blockBytes);
        store(cache, "a", prompt(0, 4 * B + 5));
        assertEquals(3, cache.blocks());
        assertEquals(3 * blockBytes, cache.usedBytes());
        assertEquals(3 * B, hit(cache, "a", prompt(0, 4 * B + 5)));
        assertEquals(0, hit(cache, "b", prompt(0, 4 * B + 5)), "another scope");
        assertEquals(B, hit(cache, "a", prompt(0, 2 * B)), "at least one token is left to run");
        assertEquals(0, hit(cache, "a", prompt(1, 4 * B)), "another start");
    }

    @Test
    void dropsTheLeastRecentlyUsedLeavesFirst() {
        PrefixCache cache = new PrefixCache(model.decoder().signature(), 3 * blockBytes);
        int[] a = prompt(0, 2 * B + 1);
        int[] b = prompt(50, B + 1);
        store(cache, "s", a);
        store(cache, "s", b);
        assertEquals(2 * B, hit(cache, "s", a)); // a is now the most recent
        store(cache, "s", prompt(20, B + 1));     // b goes
        assertEquals(0, hit(cache, "s", b));
        assertEquals(2 * B, hit(cache, "s", a));
        store(cache, "t", prompt(70, 2 * B + 1)); // two more: the oldest leaves, a's second block before its first
        assertEquals(3, cache.blocks());
        assertTrue(hit(cache, "s", a) <= B);
    }

    @Test
    void neverFreesBlocksThatAPrefillIsReading() {
        PrefixCache cache = new PrefixCache(model.decoder().signature(), 2 * blockBytes);
        int[] a = prompt(0, 2 * B + 1);
        store(cache, "s", a);
        try (PrefixMatch reading = cache.lookup("s", a)) {
            store(cache, "s", prompt(40, B + 1));
            assertEquals(2, cache.blocks(), "nothing could go, so nothing new came");
            assertEquals(2 * B, reading.tokens());
            assertEquals(2, reading.kv().size());
        }
        store(cache, "s", prompt(40, B + 1));
        assertEquals(B, hit(cache, "s", prompt(40, B + 1)));
        assertEquals(B, hit(cache, "s", a));
    }

    @Test
    void offKeepsNothing() {
        PrefixCache off = model.newPrefixCache(0);
        assertFalse(off.enabled());
        store(off, "s", prompt(0, 3 * B));
        assertEquals(0, hit(off, "s", prompt(0, 3 * B)));
        assertFalse(new PrefixCache(model.decoder().signature(), blockBytes - 1).enabled());
    }
}
