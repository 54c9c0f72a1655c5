package dev.lantern.app.generation.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheStoreTest {

    @Test
    void keysDependOnScopeVersionAndPrompt() {
        CacheKey a = CacheKey.of("alice", "0", "chat|m|settings", "[1, 2]", null);
        assertEquals(a, CacheKey.of("alice", "0", "chat|m|settings", "[1, 2]", null));
        assertNotEquals(a.exact(), CacheKey.of("bob", "0", "chat|m|settings", "[1, 2]", null).exact());
        assertNotEquals(a.exact(), CacheKey.of("alice", "1", "chat|m|settings", "[1, 2]", null).exact());
        assertNotEquals(a.exact(), CacheKey.of("alice", "0", "chat|m|other", "[1, 2]", null).exact());
        CacheKey otherPrompt = CacheKey.of("alice", "0", "chat|m|settings", "[1, 3]", null);
        assertNotEquals(a.exact(), otherPrompt.exact());
        assertEquals(a.bucket(), otherPrompt.bucket(), "the semantic bucket ignores the prompt");
    }

    @Test
    void invalidatingAScopeMovesItsKeysAndLeavesOthers() {
        InMemoryCacheStore store = new InMemoryCacheStore(100, Duration.ofMinutes(5), 4);
        CacheKey before = CacheKey.of("alice", String.valueOf(store.scopeVersion("alice")), "d", "p", null);
        store.put(before.exact(), "answer");
        store.invalidateScope("alice");
        CacheKey after = CacheKey.of("alice", String.valueOf(store.scopeVersion("alice")), "d", "p", null);
        assertEquals(Optional.empty(), store.get(after.exact()));
        assertEquals(0, store.scopeVersion("bob"));
    }

    @Test
    void semanticIndexFindsTheNearestAboveTheThreshold() {
        InMemoryCacheStore store = new InMemoryCacheStore(100, Duration.ofMinutes(5), 2);
        SemanticIndex index = new SemanticIndex(store, 0.9);
        index.add("b", "k1", new float[] {1, 0, 0});
        index.add("b", "k2", new float[] {0, 1, 0});
        assertEquals(Optional.of("k1"), index.nearest("b", new float[] {0.99f, 0.141f, 0}));
        assertEquals(Optional.empty(), index.nearest("b", new float[] {0.7071f, 0.7071f, 0}), "below 0.9");
        assertEquals(Optional.empty(), index.nearest("other", new float[] {1, 0, 0}));
        index.add("b", "k3", new float[] {0, 0, 1});
        assertTrue(index.nearest("b", new float[] {1, 0, 0}).isEmpty(), "the oldest left the bounded bucket");
    }
}
