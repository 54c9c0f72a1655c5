package dev.lantern.engine.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * An automaton over code points under construction, for regular expressions and string formats: edges read a
 * {@link CharSet} or nothing (epsilon). Fragments have one entry and one exit; {@link CharDfa#of} determinizes.
 */
final class CharNfa {
    record Edge(CharSet chars, int target) {
    }

    record Fragment(int entry, int exit) {
    }

    private static final int MAX_STATES = 100_000;
    final List<List<Edge>> edges = new ArrayList<>();

    int newState() {
        if (edges.size() >= MAX_STATES) {
            throw new UnsupportedSchemaException("", "the regular expression is too large");
        }
        edges.add(new ArrayList<>());
        return edges.size() - 1;
    }

    Fragment chars(CharSet set) {
        Fragment f = new Fragment(newState(), newState());
        edges.get(f.entry).add(new Edge(set, f.exit));
        return f;
    }

    Fragment empty() {
        int s = newState();
        return new Fragment(s, s);
    }

    void epsilon(int from, int to) {
        edges.get(from).add(new Edge(null, to));
    }

    Fragment sequence(List<Fragment> parts) {
        if (parts.isEmpty()) {
            return empty();
        }
        for (int i = 1; i < parts.size(); i++) {
            epsilon(parts.get(i - 1).exit, parts.get(i).entry);
        }
        return new Fragment(parts.get(0).entry, parts.get(parts.size() - 1).exit);
    }

    Fragment choice(List<Fragment> alternatives) {
        Fragment f = new Fragment(newState(), newState());
        for (Fragment a : alternatives) {
            epsilon(f.entry, a.entry);
            epsilon(a.exit, f.exit);
        }
        return f;
    }

    /** Zero or more: a loop through a fresh state, so that nested loops cannot share an epsilon cycle's exit. */
    Fragment star(Fragment inner) {
        Fragment f = new Fragment(newState(), newState());
        epsilon(f.entry, inner.entry);
        epsilon(inner.exit, f.entry);
        epsilon(f.entry, f.exit);
        return f;
    }

    Fragment optional(Fragment inner) {
        Fragment f = new Fragment(newState(), newState());
        epsilon(f.entry, inner.entry);
        epsilon(inner.exit, f.exit);
        epsilon(f.entry, f.exit);
        return f;
    }

    /** A string literal, code point by code point. */
    Fragment literal(String text) {
        List<Fragment> parts = new ArrayList<>();
        text.codePoints().forEach(c -> parts.add(chars(CharSet.of(c))));
        return sequence(parts);
    }
}
