package dev.lantern.engine.prefix;

import dev.lantern.engine.onnx.KvBlock;

/**
 * One block of the tree with its keys and values. {@code pins} counts the prefills reading it (and a store in
 * progress), {@code children} the blocks that continue it: only an unpinned block without children is dropped,
 * so no prefix is ever reachable with a hole in it. Guarded by the cache's lock.
 */
final class CachedBlock {
    final BlockKey key;
    final CachedBlock parent;
    final KvBlock kv;
    int pins;
    int children;

    CachedBlock(BlockKey key, CachedBlock parent, KvBlock kv) {
        this.key = key;
        this.parent = parent;
        this.kv = kv;
    }

    boolean evictable() {
        return pins == 0 && children == 0;
    }
}
