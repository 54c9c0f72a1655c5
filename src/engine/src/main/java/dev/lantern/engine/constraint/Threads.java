package dev.lantern.engine.constraint;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of matcher threads (node, stack) under construction, closed under calls and returns: entering a node that
 * calls a rule also starts that rule with a return frame pushed, and reaching a rule's end also continues at the
 * top frame. Only threads at nodes that read symbols are kept. Reaching the document's end sets
 * {@link #accepting}; returning to {@link Frame#BOTTOM} sets {@link #escaped}.
 */
final class Threads {
    int[] nodes = new int[4];
    Frame[] stacks = new Frame[4];
    int size;
    boolean accepting;
    boolean escaped;
    private int[] seenNodes = new int[8];
    private Frame[] seenStacks = new Frame[8];
    private int seen;

    void clear() {
        Arrays.fill(stacks, 0, size, null);
        Arrays.fill(seenStacks, 0, seen, null);
        size = 0;
        seen = 0;
        accepting = false;
        escaped = false;
    }

    void close(Grammar g, int node, Frame stack) {
        for (int i = 0; i < seen; i++) {
            if (seenNodes[i] == node && Objects.equals(seenStacks[i], stack)) {
                return;
            }
        }
        if (seen == seenNodes.length) {
            seenNodes = Arrays.copyOf(seenNodes, seen * 2);
            seenStacks = Arrays.copyOf(seenStacks, seen * 2);
        }
        seenNodes[seen] = node;
        seenStacks[seen++] = stack;
        if (g.hasSymbols[node]) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                stacks = Arrays.copyOf(stacks, size * 2);
            }
            nodes[size] = node;
            stacks[size++] = stack;
        }
        for (int c = g.callStart[node]; c < g.callStart[node + 1]; c++) {
            close(g, g.ruleStart[g.callRule[c]], new Frame(g.callTarget[c], stack));
        }
        if (g.finalNode[node]) {
            if (stack == null) {
                accepting = true;
            } else if (stack == Frame.BOTTOM) {
                escaped = true;
            } else {
                close(g, stack.node, stack.parent);
            }
        }
    }

    /** Every thread after reading {@code symbol} from the threads of {@code from}. */
    void advance(Grammar g, int[] fromNodes, Frame[] fromStacks, int count, int symbol) {
        clear();
        for (int i = 0; i < count; i++) {
            int t = g.step(fromNodes[i], symbol);
            if (t >= 0) {
                close(g, t, fromStacks[i]);
            }
        }
    }
}
