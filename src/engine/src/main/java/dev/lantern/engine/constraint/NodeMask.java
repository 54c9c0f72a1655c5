package dev.lantern.engine.constraint;

import java.util.BitSet;

/**
 * What a matcher node allows whatever the stack below it (XGrammar's adaptive token mask): the tokens accepted
 * inside the node's rule, stored as a bit set or, when few, as a list; and the trie nodes at which the rule can
 * end with more token bytes to come, whose subtrees must be matched against the caller's continuation.
 */
record NodeMask(BitSet acceptedSet, int[] acceptedList, int[] escapes) {

    static NodeMask of(BitSet accepted, int[] escapes, int vocabularySize) {
        int count = accepted.cardinality();
        return count * 32 < vocabularySize ? new NodeMask(null, accepted.stream().toArray(), escapes)
                : new NodeMask(accepted, null, escapes);
    }

    void addTo(BitSet out) {
        if (acceptedSet != null) {
            out.or(acceptedSet);
        } else {
            for (int id : acceptedList) {
                out.set(id);
            }
        }
    }
}
