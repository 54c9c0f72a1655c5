package dev.lantern.engine.prefix;

import dev.lantern.engine.onnx.KvBlock;
import java.util.List;

/**
 * The longest cached prefix of a prompt: its blocks, in order, pinned until {@link #close()} so that no
 * eviction frees them while a prefill copies them.
 */
public final class PrefixMatch implements AutoCloseable {
    static final PrefixMatch NONE = new PrefixMatch(null, List.of());
    private final PrefixCache cache;
    private final List<CachedBlock> blocks;
    private boolean closed;

    PrefixMatch(PrefixCache cache, List<CachedBlock> blocks) {
        this.cache = cache;
        this.blocks = blocks;
    }

    /** Cached tokens at the start of the prompt (a multiple of the block size). */
    public int tokens() {
        return blocks.size() * PrefixCache.BLOCK_TOKENS;
    }

    /** The blocks' keys and values, first block first. */
    public List<KvBlock> kv() {
        return blocks.stream().map(b -> b.kv).toList();
    }

    @Override
    public void close() {
        if (!closed && cache != null) {
            closed = true;
            cache.unpin(blocks);
        }
    }
}
