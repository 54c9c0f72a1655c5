package dev.lantern.engine.prefix;

import java.util.Arrays;

/**
 * A block's place in the tree: the block before it (compared by identity) or, for a prompt's first block, the
 * scope (a string, compared by value), and its tokens (compared by value).
 */
final class BlockKey {
    private final Object parent;
    private final int[] tokens;
    private final int hash;

    BlockKey(Object parent, int[] tokens) {
        this.parent = parent;
        this.tokens = tokens;
        this.hash = 31 * parent.hashCode() + Arrays.hashCode(tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockKey k && k.hash == hash && k.parent.equals(parent) && Arrays.equals(k.tokens, tokens);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
