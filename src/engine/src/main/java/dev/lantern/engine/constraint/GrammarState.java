package dev.lantern.engine.constraint;

import java.util.Arrays;

/**
 * Where one row is in its document: the set of matcher threads alive after the bytes read so far. Immutable, so a
 * row keeps its state and {@code n} choices or beams fork it for free.
 */
public final class GrammarState {
    final Grammar grammar;
    final int[] nodes;
    final Frame[] stacks;
    private final boolean accepting;

    private GrammarState(Grammar grammar, int[] nodes, Frame[] stacks, boolean accepting) {
        this.grammar = grammar;
        this.nodes = nodes;
        this.stacks = stacks;
        this.accepting = accepting;
    }

    static GrammarState start(Grammar g) {
        Threads t = new Threads();
        t.close(g, g.ruleStart[0], null);
        return of(g, t);
    }

    static GrammarState of(Grammar g, Threads t) {
        if (t.size == 0 && !t.accepting) {
            return null;
        }
        return new GrammarState(g, Arrays.copyOf(t.nodes, t.size), Arrays.copyOf(t.stacks, t.size), t.accepting);
    }

    /** The state after {@code bytes}, or null when they cannot continue the document. */
    public GrammarState advance(byte[] bytes) {
        return advance(bytes, 0, bytes.length);
    }

    public GrammarState advance(byte[] bytes, int from, int to) {
        GrammarState s = this;
        Threads t = new Threads();
        for (int i = from; i < to && s != null; i++) {
            s = s.advance(b(bytes[i]), t);
        }
        return s;
    }

    /** The state after a grammar symbol (a byte, or 256+ for a special token), or null. */
    GrammarState advance(int symbol, Threads scratch) {
        scratch.advance(grammar, nodes, stacks, nodes.length, symbol);
        return of(grammar, scratch);
    }

    /** The document is complete here: end-of-sequence may follow. */
    public boolean accepting() {
        return accepting;
    }

    /** Nothing but end-of-sequence may follow. */
    public boolean complete() {
        return nodes.length == 0;
    }

    private static int b(byte x) {
        return x & 0xFF;
    }
}
