package dev.lantern.engine.constraint;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Computes which tokens may follow a grammar state by walking the token trie against it. Per matcher node, the
 * part that does not depend on the stack is computed once, on first use, and kept ({@link NodeMask}); a state's
 * mask is then the union of its threads' node masks plus, for threads inside a called rule, the tokens that leave
 * the rule, matched against the real continuation (few, and their subtrees are pruned at the first wrong byte).
 */
final class TokenMasks {
    private final Grammar grammar;
    private final TokenTrie trie;
    private final AtomicReferenceArray<NodeMask> byNode;

    TokenMasks(Grammar grammar, TokenTrie trie) {
        this.grammar = grammar;
        this.trie = trie;
        this.byNode = new AtomicReferenceArray<>(grammar.nodeCount());
    }

    void allowed(GrammarState state, BitSet out) {
        Threads[] levels = null;
        for (int k = 0; k < state.nodes.length; k++) {
            NodeMask mask = mask(state.nodes[k]);
            mask.addTo(out);
            Frame stack = state.stacks[k];
            if (stack != null && mask.escapes().length > 0) {
                levels = levels == null ? newLevels() : levels;
                levels[0].clear();
                levels[0].close(grammar, stack.node, stack.parent);
                if (levels[0].size > 0) {
                    for (int x : mask.escapes()) {
                        walk(x, levels, out);
                    }
                }
            }
            for (int i = 0; i < grammar.specialTokens.length; i++) {
                if (grammar.step(state.nodes[k], 256 + i) >= 0) {
                    out.set(grammar.specialTokens[i]);
                }
            }
        }
    }

    NodeMask mask(int node) {
        NodeMask m = byNode.get(node);
        if (m == null) {
            m = compute(node);
            byNode.set(node, m);
        }
        return m;
    }

    /** The tokens below trie node {@code x} that the threads of {@code levels[0]} accept (x's own bytes consumed). */
    private void walk(int x, Threads[] levels, BitSet out) {
        int base = trie.depth[x];
        for (int i = x + 1; i < trie.end[x]; ) {
            int level = trie.depth[i] - base;
            Threads parent = levels[level - 1];
            Threads here = levels[level];
            here.advance(grammar, parent.nodes, parent.stacks, parent.size, trie.symbol[i]);
            if (here.size > 0 || here.accepting) {
                setTokens(i, out);
            }
            i = here.size > 0 ? i + 1 : trie.end[i];
        }
    }

    private NodeMask compute(int start) {
        BitSet accepted = new BitSet(trie.vocabularySize);
        int[] escapes = new int[16];
        int escapeCount = 0;
        Threads[] levels = newLevels();
        int[] fast = new int[levels.length];
        fast[0] = start;
        for (int i = 1; i < trie.size(); ) {
            int d = trie.depth[i];
            int symbol = trie.symbol[i];
            boolean alive;
            boolean escaped = false;
            Threads here = levels[d];
            if (fast[d - 1] >= 0) {
                int m = grammar.step(fast[d - 1], symbol);
                if (m >= 0 && grammar.simple[m]) {
                    fast[d] = m;
                    alive = true;
                } else if (m >= 0) {
                    here.clear();
                    here.close(grammar, m, Frame.BOTTOM);
                    alive = here.size > 0;
                    escaped = here.escaped;
                    fast[d] = single(here);
                } else {
                    alive = false;
                }
            } else {
                Threads parent = levels[d - 1];
                here.advance(grammar, parent.nodes, parent.stacks, parent.size, symbol);
                alive = here.size > 0;
                escaped = here.escaped;
                fast[d] = single(here);
            }
            if (alive || escaped) {
                for (int t = trie.tokenStart[i]; t < trie.tokenStart[i + 1]; t++) {
                    accepted.set(trie.tokens[t]);
                }
            }
            if (escaped && trie.end[i] > i + 1) {
                if (escapeCount == escapes.length) {
                    escapes = java.util.Arrays.copyOf(escapes, escapeCount * 2);
                }
                escapes[escapeCount++] = i;
            }
            i = alive ? i + 1 : trie.end[i];
        }
        return NodeMask.of(accepted, java.util.Arrays.copyOf(escapes, escapeCount), trie.vocabularySize);
    }

    /** The node of a lone thread with nothing pushed whose next step is a plain look-up, else -1. */
    private int single(Threads t) {
        return t.size == 1 && t.stacks[0] == Frame.BOTTOM && grammar.simple[t.nodes[0]] ? t.nodes[0] : -1;
    }

    private void setTokens(int node, BitSet out) {
        for (int t = trie.tokenStart[node]; t < trie.tokenStart[node + 1]; t++) {
            out.set(trie.tokens[t]);
        }
    }

    private Threads[] newLevels() {
        Threads[] levels = new Threads[trie.maxDepth + 1];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new Threads();
        }
        return levels;
    }
}
