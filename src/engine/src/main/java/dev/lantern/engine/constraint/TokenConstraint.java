package dev.lantern.engine.constraint;

import java.util.BitSet;

/**
 * A grammar bound to a model's vocabulary: the object a request carries (through its generation settings) and
 * that every row decoding under it shares. It keeps the per-node masks it has computed, so build one per
 * (grammar, vocabulary) and reuse it across requests with the same schema. Thread-safe.
 */
public final class TokenConstraint {
    private final Grammar grammar;
    private final TokenVocabulary vocabulary;
    private final TokenMasks masks;

    public TokenConstraint(Grammar grammar, TokenVocabulary vocabulary) {
        this.grammar = grammar;
        this.vocabulary = vocabulary;
        this.masks = new TokenMasks(grammar, vocabulary.trie());
    }

    /** A row's matcher before its first generated token. */
    public TokenMatcher start() {
        return new TokenMatcher(this, grammar.start());
    }

    public Grammar grammar() {
        return grammar;
    }

    public TokenVocabulary vocabulary() {
        return vocabulary;
    }

    GrammarState advance(GrammarState state, int tokenId) {
        byte[] bytes = vocabulary.bytes(tokenId);
        if (bytes != null) {
            return state.advance(bytes);
        }
        int symbol = grammar.specialSymbol(tokenId);
        return symbol < 0 ? null : state.advance(symbol, new Threads());
    }

    void allowed(GrammarState state, BitSet out) {
        masks.allowed(state, out);
    }
}
