package dev.lantern.engine.constraint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A deterministic automaton over code points (the transitions of a state read disjoint {@link CharSet}s). It is
 * how a string's content is constrained: a pattern, a format, the keys an object may add. {@link #encode} writes it
 * into a grammar's byte automaton as the body of a JSON string, with a bound on its length in code points.
 */
final class CharDfa {
    private static final int MAX_STATES = 20_000;

    final List<List<CharNfa.Edge>> transitions = new ArrayList<>();
    final List<Boolean> accepting = new ArrayList<>();

    static CharDfa of(CharNfa nfa, CharNfa.Fragment f) {
        CharDfa dfa = new CharDfa();
        Map<BitSet, Integer> ids = new HashMap<>();
        ArrayDeque<BitSet> work = new ArrayDeque<>();
        BitSet start = closure(nfa, single(f.entry()));
        ids.put(start, dfa.add(start.get(f.exit())));
        work.add(start);
        while (!work.isEmpty()) {
            BitSet set = work.poll();
            int id = ids.get(set);
            List<CharNfa.Edge> edges = new ArrayList<>();
            set.stream().forEach(s -> nfa.edges.get(s).stream().filter(e -> e.chars() != null).forEach(edges::add));
            TreeSet<Integer> bounds = new TreeSet<>();
            for (CharNfa.Edge e : edges) {
                for (int i = 0; i < e.chars().rangeCount(); i++) {
                    bounds.add(e.chars().lo(i));
                    bounds.add(e.chars().hi(i) + 1);
                }
            }
            Map<BitSet, CharSet> byTarget = new HashMap<>();
            Integer previous = null;
            for (int b : bounds) {
                if (previous != null) {
                    BitSet targets = new BitSet();
                    for (CharNfa.Edge e : edges) {
                        if (e.chars().contains(previous)) {
                            targets.set(e.target());
                        }
                    }
                    if (!targets.isEmpty()) {
                        byTarget.merge(closure(nfa, targets), CharSet.range(previous, b - 1), CharSet::union);
                    }
                }
                previous = b;
            }
            for (Map.Entry<BitSet, CharSet> t : byTarget.entrySet()) {
                Integer target = ids.get(t.getKey());
                if (target == null) {
                    target = dfa.add(t.getKey().get(f.exit()));
                    ids.put(t.getKey(), target);
                    work.add(t.getKey());
                }
                dfa.transitions.get(id).add(new CharNfa.Edge(t.getValue(), target));
            }
        }
        return dfa;
    }

    /** Every string. */
    static CharDfa anyString() {
        CharDfa dfa = new CharDfa();
        dfa.add(true);
        dfa.transitions.get(0).add(new CharNfa.Edge(CharSet.ANY, 0));
        return dfa;
    }

    /** Every string except the given ones (the keys an object may add beside its declared properties). */
    static CharDfa excluding(List<String> names) {
        CharDfa dfa = new CharDfa();
        int other = dfa.add(true);
        dfa.transitions.get(other).add(new CharNfa.Edge(CharSet.ANY, other));
        int root = dfa.add(!names.contains(""));
        Map<String, Integer> prefixes = new HashMap<>(Map.of("", root));
        for (String name : names) {
            int[] cps = name.codePoints().toArray();
            StringBuilder prefix = new StringBuilder();
            for (int c : cps) {
                String parent = prefix.toString();
                prefix.appendCodePoint(c);
                if (!prefixes.containsKey(prefix.toString())) {
                    int s = dfa.add(!names.contains(prefix.toString()));
                    prefixes.put(prefix.toString(), s);
                    dfa.transitions.get(prefixes.get(parent)).add(new CharNfa.Edge(CharSet.of(c), s));
                }
            }
        }
        for (int s = 1; s < dfa.transitions.size(); s++) {
            CharSet used = CharSet.EMPTY;
            for (CharNfa.Edge e : dfa.transitions.get(s)) {
                used = used.union(e.chars());
            }
            dfa.transitions.get(s).add(new CharNfa.Edge(used.complement(), other));
        }
        dfa.moveToFront(root);
        return dfa;
    }

    /** States reachable in both automata at once: strings both accept. */
    CharDfa intersect(CharDfa other) {
        CharDfa product = new CharDfa();
        Map<Long, Integer> ids = new HashMap<>();
        ArrayDeque<long[]> work = new ArrayDeque<>();
        ids.put(0L, product.add(accepting.get(0) && other.accepting.get(0)));
        work.add(new long[] {0, 0});
        while (!work.isEmpty()) {
            long[] pair = work.poll();
            int id = ids.get((pair[0] << 32) | pair[1]);
            for (CharNfa.Edge a : transitions.get((int) pair[0])) {
                for (CharNfa.Edge b : other.transitions.get((int) pair[1])) {
                    CharSet both = a.chars().intersect(b.chars());
                    if (both.isEmpty()) {
                        continue;
                    }
                    long key = ((long) a.target() << 32) | b.target();
                    Integer target = ids.get(key);
                    if (target == null) {
                        target = product.add(accepting.get(a.target()) && other.accepting.get(b.target()));
                        ids.put(key, target);
                        work.add(new long[] {a.target(), b.target()});
                    }
                    product.transitions.get(id).add(new CharNfa.Edge(both, target));
                }
            }
        }
        return product;
    }

    /**
     * Writes the strings of this automaton whose length in code points lies in [min, max] (max -1: unbounded) as
     * JSON string content between the states of a new fragment of {@code nfa}; the quotes are not included.
     */
    Nfa.Fragment encode(Nfa nfa, int min, int max) {
        int counted = max >= 0 ? max : min;
        Map<Long, Integer> ids = new HashMap<>();
        ArrayDeque<long[]> work = new ArrayDeque<>();
        int exit = nfa.newState();
        int entry = nfa.newState();
        ids.put(0L, entry);
        work.add(new long[] {0, 0});
        while (!work.isEmpty()) {
            long[] at = work.poll();
            int state = (int) at[0];
            int length = (int) at[1];
            int from = ids.get(((long) state << 32) | length);
            if (accepting.get(state) && length >= min) {
                nfa.epsilon(from, exit);
            }
            if (max >= 0 && length == max) {
                continue;
            }
            int nextLength = Math.min(length + 1, counted);
            for (CharNfa.Edge e : transitions.get(state)) {
                long key = ((long) e.target() << 32) | nextLength;
                Integer to = ids.get(key);
                if (to == null) {
                    to = nfa.newState();
                    ids.put(key, to);
                    work.add(new long[] {e.target(), nextLength});
                }
                JsonStringChars.addEdges(nfa, from, to, e.chars());
            }
        }
        return new Nfa.Fragment(entry, exit);
    }

    private int add(boolean accepts) {
        if (transitions.size() >= MAX_STATES) {
            throw new UnsupportedSchemaException("", "the string constraint is too complex");
        }
        transitions.add(new ArrayList<>());
        accepting.add(accepts);
        return transitions.size() - 1;
    }

    private void moveToFront(int state) {
        int[] map = new int[transitions.size()];
        Arrays.setAll(map, i -> i == state ? 0 : i < state ? i + 1 : i);
        List<List<CharNfa.Edge>> t = new ArrayList<>(transitions);
        List<Boolean> a = new ArrayList<>(accepting);
        for (int i = 0; i < map.length; i++) {
            transitions.set(map[i], t.get(i).stream().map(e -> new CharNfa.Edge(e.chars(), map[e.target()])).toList());
            accepting.set(map[i], a.get(i));
        }
    }

    private static BitSet single(int s) {
        BitSet b = new BitSet();
        b.set(s);
        return b;
    }

    private static BitSet closure(CharNfa nfa, BitSet states) {
        BitSet out = (BitSet) states.clone();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        states.stream().forEach(work::add);
        while (!work.isEmpty()) {
            for (CharNfa.Edge e : nfa.edges.get(work.poll())) {
                if (e.chars() == null && !out.get(e.target())) {
                    out.set(e.target());
                    work.add(e.target());
                }
            }
        }
        return out;
    }
}
