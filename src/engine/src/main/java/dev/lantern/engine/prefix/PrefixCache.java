package dev.lantern.engine.prefix;

import dev.lantern.engine.onnx.DecoderSignature;
import dev.lantern.engine.onnx.KvBlock;
import dev.lantern.engine.onnx.KvCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cached prefixes of one model's prompts, shared by its lanes (thread-safe). A prefill {@link #lookup}s its
 * prompt, runs only what follows the match, and {@link #store}s the full blocks of its prompt from the cache the
 * model call wrote. Prefixes are shared only within one scope (the application puts the user and the template
 * there, so that one user's answer times reveal nothing of another's prompts).
 *
 * <p>Least recently used first, leaves before the blocks they continue: a lookup or a store touches its chain
 * from the last block to the first, so a prefix's first blocks, which every longer prompt shares, stay longest.
 */
public final class PrefixCache {
    /** Tokens per block: small enough that little of a prompt is left over, large enough to keep the index small. */
    public static final int BLOCK_TOKENS = 16;

    private final DecoderSignature signature;
    private final long maxBytes;
    private final long blockBytes;
    private final LinkedHashMap<BlockKey, CachedBlock> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private final AtomicLong queriedTokens = new AtomicLong();
    private final AtomicLong hitTokens = new AtomicLong();
    private long usedBytes;
    private boolean closed;

    /** A cache of at most {@code maxBytes} of keys and values; 0 turns it off (nothing is looked up or kept). */
    public PrefixCache(DecoderSignature signature, long maxBytes) {
        if (maxBytes < 0 || (maxBytes > 0 && signature == null)) {
            throw new IllegalArgumentException("the prefix cache's size must not be negative: " + maxBytes);
        }
        this.signature = signature;
        this.maxBytes = maxBytes;
        this.blockBytes = signature == null ? 0 : KvBlock.bytes(signature, BLOCK_TOKENS);
    }

    public static PrefixCache off() {
        return new PrefixCache(null, 0);
    }

    public synchronized boolean enabled() {
        return !closed && signature != null && maxBytes >= blockBytes;
    }

    /**
     * Frees every block no prefill is reading (those are left to the garbage collector) and keeps nothing more:
     * for a scheduler that shuts down, so that a redeployed application does not wait for a collection to get
     * the memory back.
     */
    public synchronized void close() {
        closed = true;
        for (CachedBlock b : blocks.values()) {
            if (b.pins == 0) {
                b.kv.free();
            }
        }
        blocks.clear();
        usedBytes = 0;
    }

    /**
     * The longest cached prefix of {@code prompt} in {@code scope}, pinned, of whole blocks and at most
     * {@code prompt.length - 1} tokens: at least one token is left to run, so that the prefill yields logits.
     */
    public synchronized PrefixMatch lookup(String scope, int[] prompt) {
        if (!enabled()) {
            return PrefixMatch.NONE;
        }
        List<CachedBlock> chain = new ArrayList<>();
        Object parent = scope;
        for (int end = BLOCK_TOKENS; end <= prompt.length - 1; end += BLOCK_TOKENS) {
            CachedBlock block = blocks.get(new BlockKey(parent, Arrays.copyOfRange(prompt, end - BLOCK_TOKENS, end)));
            if (block == null) {
                break;
            }
            chain.add(block);
            parent = block;
        }
        touchLastToFirst(chain);
        chain.forEach(b -> b.pins++);
        return chain.isEmpty() ? PrefixMatch.NONE : new PrefixMatch(this, chain);
    }

    /**
     * Keeps the full blocks of {@code prompt} that are not cached yet, copied from row {@code row} of
     * {@code cache}, which holds the prompt's {@code realLength} positions at its right end. Stops at the first
     * block that does not fit once every block that may go is gone.
     */
    public synchronized void store(String scope, int[] prompt, KvCache cache, int row, int realLength) {
        if (!enabled()) {
            return;
        }
        List<CachedBlock> chain = new ArrayList<>();
        try {
            CachedBlock parent = null;
            for (int end = BLOCK_TOKENS; end <= prompt.length; end += BLOCK_TOKENS) {
                BlockKey key = new BlockKey(parent == null ? scope : parent,
                        Arrays.copyOfRange(prompt, end - BLOCK_TOKENS, end));
                CachedBlock block = blocks.get(key);
                if (block == null) {
                    if (!makeRoom()) {
                        break;
                    }
                    block = new CachedBlock(key, parent,
                            KvBlock.copyOf(cache, signature, row, realLength, end - BLOCK_TOKENS, BLOCK_TOKENS));
                    blocks.put(key, block);
                    usedBytes += block.kv.bytes();
                    if (parent != null) {
                        parent.children++;
                    }
                }
                block.pins++; // a store in progress keeps its own chain
                chain.add(block);
                parent = block;
            }
            touchLastToFirst(chain);
        } finally {
            unpinLocked(chain);
        }
    }

    /** Counts one prefill's prompt tokens and those it took from the cache (vLLM's queries and hits). */
    public void record(int promptTokens, int cachedTokens) {
        queriedTokens.addAndGet(promptTokens);
        hitTokens.addAndGet(cachedTokens);
    }

    public long queriedTokens() {
        return queriedTokens.get();
    }

    public long hitTokens() {
        return hitTokens.get();
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public synchronized int blocks() {
        return blocks.size();
    }

    synchronized void unpin(List<CachedBlock> chain) {
        unpinLocked(chain);
    }

    private void unpinLocked(List<CachedBlock> chain) {
        chain.forEach(b -> b.pins--);
    }

    private void touchLastToFirst(List<CachedBlock> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            blocks.get(chain.get(i).key);
        }
    }

    /** Drops least recently used leaves until one more block fits; false when it cannot. */
    private boolean makeRoom() {
        while (usedBytes + blockBytes > maxBytes) {
            CachedBlock victim = null;
            for (Iterator<CachedBlock> it = blocks.values().iterator(); it.hasNext(); ) {
                CachedBlock b = it.next();
                if (b.evictable()) {
                    victim = b;
                    it.remove();
                    break;
                }
            }
            if (victim == null) {
                return false;
            }
            usedBytes -= victim.kv.bytes();
            if (victim.parent != null) {
                victim.parent.children--;
            }
            victim.kv.free();
        }
        return true;
    }
}
