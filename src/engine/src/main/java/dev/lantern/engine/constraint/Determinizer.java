package dev.lantern.engine.constraint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Subset construction of each rule's automaton, where a call of a rule is one more input symbol; then pruning: a
 * rule that cannot match any string is never called, and a node from which the rule's end cannot be reached is
 * removed, so that every live matcher state can still complete its document (no dead ends while decoding).
 */
final class Determinizer {
    private final Nfa nfa;
    private final List<Nfa.Fragment> rules;
    private final int symbolCount;
    private final List<int[]> symbolEdges = new ArrayList<>();
    private final List<int[]> callEdges = new ArrayList<>();
    private final List<Boolean> finals = new ArrayList<>();
    private final List<Integer> ruleOf = new ArrayList<>();

    Determinizer(Nfa nfa, List<Nfa.Fragment> rules, int symbolCount) {
        this.nfa = nfa;
        this.rules = rules;
        this.symbolCount = symbolCount;
    }

    Grammar grammar(int[] specialTokens) {
        int[] starts = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            starts[r] = determinize(r, rules.get(r));
        }
        int n = finals.size();
        boolean[] productive = productiveRules(starts);
        if (!productive[0]) {
            throw new UnsupportedSchemaException("", "no JSON document satisfies the schema within the supported limits");
        }
        boolean[] live = liveNodes(productive);
        return Grammar.pack(symbolCount, starts, n, symbolEdges, callEdges, finals, ruleOf, productive, live,
                specialTokens);
    }

    private int determinize(int rule, Nfa.Fragment body) {
        Map<IntSet, Integer> ids = new HashMap<>();
        ArrayDeque<IntSet> work = new ArrayDeque<>();
        IntSet start = closure(new int[] {body.entry()});
        int first = add(rule, start, body.exit());
        ids.put(start, first);
        work.add(start);
        while (!work.isEmpty()) {
            IntSet set = work.poll();
            int id = ids.get(set);
            TreeSet<Integer> bounds = new TreeSet<>();
            List<int[]> edges = new ArrayList<>();
            TreeMap<Integer, List<Integer>> calls = new TreeMap<>();
            for (int s : set.states) {
                for (int e = 0; e < nfa.edgeCount(s); e++) {
                    int kind = nfa.kind(s, e);
                    if (kind == Nfa.SYMBOLS) {
                        edges.add(new int[] {nfa.lo(s, e), nfa.hi(s, e), nfa.target(s, e)});
                        bounds.add(nfa.lo(s, e));
                        bounds.add(nfa.hi(s, e) + 1);
                    } else if (kind == Nfa.CALL) {
                        calls.computeIfAbsent(nfa.lo(s, e), k -> new ArrayList<>()).add(nfa.target(s, e));
                    }
                }
            }
            List<Integer> out = new ArrayList<>();
            Integer previous = null;
            for (int b : bounds) {
                if (previous != null) {
                    int p = previous;
                    int[] targets = edges.stream().filter(e -> e[0] <= p && p <= e[1]).mapToInt(e -> e[2]).toArray();
                    if (targets.length > 0) {
                        int target = node(rule, closure(targets), body.exit(), ids, work);
                        int last = out.size() - 3;
                        if (last >= 0 && out.get(last + 2) == target && out.get(last + 1) == p - 1) {
                            out.set(last + 1, b - 1);
                        } else {
                            out.add(p);
                            out.add(b - 1);
                            out.add(target);
                        }
                    }
                }
                previous = b;
            }
            symbolEdges.set(id, out.stream().mapToInt(Integer::intValue).toArray());
            List<Integer> callOut = new ArrayList<>();
            for (Map.Entry<Integer, List<Integer>> c : calls.entrySet()) {
                callOut.add(c.getKey());
                callOut.add(node(rule, closure(c.getValue().stream().mapToInt(Integer::intValue).toArray()),
                        body.exit(), ids, work));
            }
            callEdges.set(id, callOut.stream().mapToInt(Integer::intValue).toArray());
        }
        return first;
    }

    private int node(int rule, IntSet set, int exit, Map<IntSet, Integer> ids, ArrayDeque<IntSet> work) {
        Integer id = ids.get(set);
        if (id == null) {
            id = add(rule, set, exit);
            ids.put(set, id);
            work.add(set);
        }
        return id;
    }

    private int add(int rule, IntSet set, int exit) {
        if (finals.size() >= Limits.MAX_DFA_NODES) {
            throw new UnsupportedSchemaException("", "the schema is too large to compile (" + Limits.MAX_DFA_NODES
                    + " matcher states)");
        }
        symbolEdges.add(null);
        callEdges.add(null);
        finals.add(Arrays.binarySearch(set.states, exit) >= 0);
        ruleOf.add(rule);
        return finals.size() - 1;
    }

    private IntSet closure(int[] seeds) {
        TreeSet<Integer> out = new TreeSet<>();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int s : seeds) {
            if (out.add(s)) {
                work.add(s);
            }
        }
        while (!work.isEmpty()) {
            int s = work.poll();
            for (int e = 0; e < nfa.edgeCount(s); e++) {
                if (nfa.kind(s, e) == Nfa.EPSILON && out.add(nfa.target(s, e))) {
                    work.add(nfa.target(s, e));
                }
            }
        }
        return new IntSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Rules that match at least one string, calling only rules that do. */
    private boolean[] productiveRules(int[] starts) {
        boolean[] productive = new boolean[rules.size()];
        boolean changed = true;
        while (changed) {
            changed = false;
            boolean[] live = liveNodes(productive);
            for (int r = 0; r < rules.size(); r++) {
                if (!productive[r] && live[starts[r]]) {
                    productive[r] = true;
                    changed = true;
                }
            }
        }
        return productive;
    }

    /** Nodes from which their rule's end is reachable through symbols and calls of productive rules. */
    private boolean[] liveNodes(boolean[] productive) {
        int n = finals.size();
        boolean[] live = new boolean[n];
        List<List<Integer>> into = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            into.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int[] s = symbolEdges.get(i);
            for (int k = 0; k < s.length; k += 3) {
                into.get(s[k + 2]).add(i);
            }
            int[] c = callEdges.get(i);
            for (int k = 0; k < c.length; k += 2) {
                if (productive[c[k]]) {
                    into.get(c[k + 1]).add(i);
                }
            }
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (finals.get(i)) {
                live[i] = true;
                work.add(i);
            }
        }
        while (!work.isEmpty()) {
            for (int from : into.get(work.poll())) {
                if (!live[from]) {
                    live[from] = true;
                    work.add(from);
                }
            }
        }
        return live;
    }

    /** A sorted set of NFA states, usable as a map key. */
    private static final class IntSet {
        final int[] states;
        private final int hash;

        IntSet(int[] states) {
            this.states = states;
            this.hash = Arrays.hashCode(states);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntSet s && Arrays.equals(states, s.states);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
