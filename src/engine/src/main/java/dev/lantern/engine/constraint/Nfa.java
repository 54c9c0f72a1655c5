package dev.lantern.engine.constraint;

import java.util.Arrays;

/**
 * A nondeterministic automaton under construction, shared by all rules of one grammar. Edges read a symbol range
 * (bytes 0..255, and 256+i for the i-th special token a grammar names), move without input (epsilon), or call a
 * rule and continue at a target when that rule has matched. Fragments have one entry and one exit, Thompson style.
 */
final class Nfa {
    static final int NO_RULE = -1;

    /** Per state, a flat list of edges: {kind, lo, hi, target}. */
    private int[][] edges = new int[256][];
    private int[] edgeCounts = new int[256];
    private int size;

    static final int SYMBOLS = 0;
    static final int EPSILON = 1;
    static final int CALL = 2;

    record Fragment(int entry, int exit) {
    }

    int newState() {
        if (size == edges.length) {
            edges = Arrays.copyOf(edges, size * 2);
            edgeCounts = Arrays.copyOf(edgeCounts, size * 2);
        }
        edges[size] = new int[8];
        return size++;
    }

    int size() {
        return size;
    }

    void symbols(int from, int lo, int hi, int to) {
        add(from, SYMBOLS, lo, hi, to);
    }

    void epsilon(int from, int to) {
        add(from, EPSILON, 0, 0, to);
    }

    void call(int from, int rule, int to) {
        add(from, CALL, rule, rule, to);
    }

    int edgeCount(int state) {
        return edgeCounts[state] / 4;
    }

    int kind(int state, int edge) {
        return edges[state][edge * 4];
    }

    int lo(int state, int edge) {
        return edges[state][edge * 4 + 1];
    }

    int hi(int state, int edge) {
        return edges[state][edge * 4 + 2];
    }

    int target(int state, int edge) {
        return edges[state][edge * 4 + 3];
    }

    private void add(int from, int kind, int lo, int hi, int to) {
        int n = edgeCounts[from];
        if (n + 4 > edges[from].length) {
            edges[from] = Arrays.copyOf(edges[from], edges[from].length * 2);
        }
        int[] e = edges[from];
        e[n] = kind;
        e[n + 1] = lo;
        e[n + 2] = hi;
        e[n + 3] = to;
        edgeCounts[from] = n + 4;
        if (size > Limits.MAX_NFA_STATES) {
            throw new UnsupportedSchemaException("", "the schema is too large to compile ("
                    + Limits.MAX_NFA_STATES + " automaton states)");
        }
    }

    // Fragment builders

    Fragment empty() {
        int s = newState();
        return new Fragment(s, s);
    }

    /** A fragment that matches nothing: its exit cannot be reached. */
    Fragment nothing() {
        return new Fragment(newState(), newState());
    }

    Fragment literal(byte[] bytes) {
        int entry = newState();
        int at = entry;
        for (byte b : bytes) {
            int next = newState();
            symbols(at, b & 0xFF, b & 0xFF, next);
            at = next;
        }
        return new Fragment(entry, at);
    }

    Fragment symbol(int symbol) {
        Fragment f = new Fragment(newState(), newState());
        symbols(f.entry, symbol, symbol, f.exit);
        return f;
    }

    Fragment callRule(int rule) {
        Fragment f = new Fragment(newState(), newState());
        call(f.entry, rule, f.exit);
        return f;
    }

    Fragment sequence(Fragment... parts) {
        if (parts.length == 0) {
            return empty();
        }
        for (int i = 1; i < parts.length; i++) {
            epsilon(parts[i - 1].exit, parts[i].entry);
        }
        return new Fragment(parts[0].entry, parts[parts.length - 1].exit);
    }

    Fragment choice(Iterable<Fragment> alternatives) {
        Fragment f = new Fragment(newState(), newState());
        for (Fragment a : alternatives) {
            epsilon(f.entry, a.entry);
            epsilon(a.exit, f.exit);
        }
        return f;
    }

    Fragment optional(Fragment inner) {
        epsilon(inner.entry, inner.exit);
        return inner;
    }
}
