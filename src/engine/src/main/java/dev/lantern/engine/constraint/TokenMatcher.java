package dev.lantern.engine.constraint;

import java.util.BitSet;

/**
 * One row's place in its constrained document, at the token level. Immutable: {@link #advance} returns the next
 * matcher, so a row keeps its own and forks cost nothing.
 */
public final class TokenMatcher {
    private final TokenConstraint constraint;
    private final GrammarState state;

    TokenMatcher(TokenConstraint constraint, GrammarState state) {
        this.constraint = constraint;
        this.state = state;
    }

    /** The matcher after {@code tokenId}, or null when that token cannot continue the document. */
    public TokenMatcher advance(int tokenId) {
        GrammarState next = constraint.advance(state, tokenId);
        return next == null ? null : new TokenMatcher(constraint, next);
    }

    /** The document is complete: end-of-sequence may come next. */
    public boolean accepting() {
        return state.accepting();
    }

    /** Adds to {@code out} every token that can continue the document (end-of-sequence is not among them). */
    public void allowedTokens(BitSet out) {
        constraint.allowed(state, out);
    }

    GrammarState state() {
        return state;
    }
}
