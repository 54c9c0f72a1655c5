package dev.lantern.engine.constraint;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A compiled grammar: per rule a deterministic automaton over bytes (and the special tokens the grammar names),
 * whose nodes may also call other rules. Immutable and shared by every row that decodes under it; a row's
 * progress is a {@link GrammarState}. Built by {@link JsonSchemaGrammar} and {@link ToolCallGrammar}.
 *
 * <p>Tables are indexed by node: {@code next[node * classCount + classOf[symbol]]} is the node after a symbol
 * (-1: none), calls of node n are {@code callRule/callTarget[callStart[n] .. callStart[n + 1])}.
 */
public final class Grammar {
    final int classCount;
    final int[] classOf;
    final int[] next;
    final int[] callStart;
    final int[] callRule;
    final int[] callTarget;
    final boolean[] finalNode;
    final boolean[] hasSymbols;
    /** No calls and not final: the next state is a table look-up, which is the matcher's fast path. */
    final boolean[] simple;
    final int[] ruleStart;
    final int[] specialTokens;

    private Grammar(int classCount, int[] classOf, int[] next, int[] callStart, int[] callRule, int[] callTarget,
                    boolean[] finalNode, boolean[] hasSymbols, int[] ruleStart, int[] specialTokens) {
        this.classCount = classCount;
        this.classOf = classOf;
        this.next = next;
        this.callStart = callStart;
        this.callRule = callRule;
        this.callTarget = callTarget;
        this.finalNode = finalNode;
        this.hasSymbols = hasSymbols;
        this.ruleStart = ruleStart;
        this.specialTokens = specialTokens;
        this.simple = new boolean[finalNode.length];
        for (int i = 0; i < simple.length; i++) {
            simple[i] = !finalNode[i] && callStart[i] == callStart[i + 1];
        }
    }

    static Grammar pack(int symbolCount, int[] starts, int n, List<int[]> symbolEdges, List<int[]> callEdges,
                        List<Boolean> finals, List<Integer> ruleOf, boolean[] productive, boolean[] live,
                        int[] specialTokens) {
        TreeSet<Integer> bounds = new TreeSet<>(List.of(0, symbolCount));
        for (int i = 0; i < n; i++) {
            int[] s = symbolEdges.get(i);
            for (int k = 0; k < s.length; k += 3) {
                if (live[s[k + 2]]) {
                    bounds.add(s[k]);
                    bounds.add(s[k + 1] + 1);
                }
            }
        }
        int[] classOf = new int[symbolCount];
        int classes = 0;
        Integer previous = null;
        for (int b : bounds) {
            if (previous != null) {
                Arrays.fill(classOf, previous, b, classes++);
            }
            previous = b;
        }
        int[] next = new int[n * classes];
        Arrays.fill(next, -1);
        boolean[] hasSymbols = new boolean[n];
        int[] callStart = new int[n + 1];
        int callCount = 0;
        for (int i = 0; i < n; i++) {
            int[] c = callEdges.get(i);
            for (int k = 0; k < c.length; k += 2) {
                callCount += productive[c[k]] && live[c[k + 1]] ? 1 : 0;
            }
        }
        int[] callRule = new int[callCount];
        int[] callTarget = new int[callCount];
        int at = 0;
        for (int i = 0; i < n; i++) {
            callStart[i] = at;
            if (!live[i]) {
                continue;
            }
            int[] s = symbolEdges.get(i);
            for (int k = 0; k < s.length; k += 3) {
                if (live[s[k + 2]]) {
                    for (int c = classOf[s[k]]; c <= classOf[s[k + 1]]; c++) {
                        next[i * classes + c] = s[k + 2];
                    }
                    hasSymbols[i] = true;
                }
            }
            int[] c = callEdges.get(i);
            for (int k = 0; k < c.length; k += 2) {
                if (productive[c[k]] && live[c[k + 1]]) {
                    callRule[at] = c[k];
                    callTarget[at++] = c[k + 1];
                }
            }
        }
        callStart[n] = at;
        boolean[] finalNode = new boolean[n];
        for (int i = 0; i < n; i++) {
            finalNode[i] = finals.get(i);
        }
        return new Grammar(classes, classOf, next, callStart, callRule, callTarget, finalNode, hasSymbols, starts,
                specialTokens);
    }

    /** The state before the document's first byte. */
    public GrammarState start() {
        return GrammarState.start(this);
    }

    /** Matcher nodes over all rules (a measure of the grammar's size). */
    public int nodeCount() {
        return finalNode.length;
    }

    int step(int node, int symbol) {
        return symbol < classOf.length ? next[node * classCount + classOf[symbol]] : -1;
    }

    /** The grammar symbol of a special token, or -1 when the grammar never reads it. */
    int specialSymbol(int tokenId) {
        for (int i = 0; i < specialTokens.length; i++) {
            if (specialTokens[i] == tokenId) {
                return 256 + i;
            }
        }
        return -1;
    }
}
