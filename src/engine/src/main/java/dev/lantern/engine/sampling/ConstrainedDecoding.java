package dev.lantern.engine.sampling;

import dev.lantern.engine.constraint.TokenConstraint;
import dev.lantern.engine.constraint.TokenMatcher;
import java.util.BitSet;

/**
 * Masks every token that cannot continue the row's document (-Infinity), and end-of-sequence until the document
 * is complete. Unlike the other steps it has state: its row's matcher, moved on by the tokens the history gained
 * since the last call, so the sequence needs no hook to tell it what was picked. One instance per row.
 */
public final class ConstrainedDecoding implements LogitsStep {
    private final int[] eosIds;
    private final BitSet allowed = new BitSet();
    private TokenMatcher matcher;
    private int seen;

    public ConstrainedDecoding(TokenConstraint constraint, int[] eosIds) {
        this.matcher = constraint.start();
        this.eosIds = eosIds.clone();
    }

    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        for (; seen < history.generatedLength(); seen++) {
            int token = history.tokenAt(history.promptLength() + seen);
            TokenMatcher next = matcher.advance(token);
            if (next == null) {
                throw new ConstraintViolationException("token " + token + " cannot continue the document");
            }
            matcher = next;
        }
        allowed.clear();
        matcher.allowedTokens(allowed);
        if (matcher.accepting()) {
            for (int id : eosIds) {
                allowed.set(id);
            }
        }
        allowed.clear(in.length, Math.max(in.length, allowed.length()));
        if (allowed.isEmpty()) {
            throw new ConstraintViolationException("no token can continue the document");
        }
        mask(in, out, allowed);
    }

    /** Copies the allowed scores and writes -Infinity elsewhere, a 64-token word at a time. */
    static void mask(float[] in, float[] out, BitSet allowed) {
        long[] words = allowed.toLongArray();
        java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            int base = w << 6;
            if (bits == -1L) {
                System.arraycopy(in, base, out, base, Math.min(64, in.length - base));
                continue;
            }
            while (bits != 0) {
                int i = base + Long.numberOfTrailingZeros(bits);
                out[i] = in[i];
                bits &= bits - 1;
            }
        }
    }
}
