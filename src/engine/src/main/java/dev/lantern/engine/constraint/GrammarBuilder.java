package dev.lantern.engine.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules under construction in one shared {@link Nfa}; rule 0 is the document. Grammar sources (schemas, tool
 * calls) write fragments here, then {@link #build} determinizes each rule and removes what cannot complete.
 */
final class GrammarBuilder {
    final Nfa nfa = new Nfa();
    private final List<Nfa.Fragment> rules = new ArrayList<>();
    private final List<Integer> specialTokens = new ArrayList<>();

    GrammarBuilder() {
        rules.add(null);
    }

    int newRule() {
        rules.add(null);
        return rules.size() - 1;
    }

    void define(int rule, Nfa.Fragment body) {
        rules.set(rule, body);
    }

    /** The symbol a grammar reads for a special token (a token without bytes, such as {@code [TOOL_CALLS]}). */
    int specialTokenSymbol(int tokenId) {
        int i = specialTokens.indexOf(tokenId);
        if (i < 0) {
            specialTokens.add(tokenId);
            i = specialTokens.size() - 1;
        }
        return 256 + i;
    }

    Grammar build() {
        int[] specials = specialTokens.stream().mapToInt(Integer::intValue).toArray();
        return new Determinizer(nfa, rules, 256 + specials.length).grammar(specials);
    }
}
