package dev.lantern.app.ratelimit;

/**
 * Attempts at something guessable (logins) counted per key, in a store that never fails open: at most
 * {@code limit.amount()} attempts per window are let through, then none until the window ends. An attempt
 * is taken before it is evaluated (so parallel guesses cannot all pass a check made before any of them
 * failed), and given back when it did not fail.
 */
public interface FailureCounter {

    /** Takes one attempt from {@code who}'s allowance; refused, with the seconds to wait, when none is left. */
    Attempt attempt(String who);

    /** Returns an attempt that turned out not to be a failure (a success, or one refused for another reason). */
    void giveBack(String who);

    /** Forgets the attempts (after a success). */
    void clear(String who);

    /**
     * @param allowed     whether the attempt may be evaluated
     * @param last        it took the last one of the allowance: failing it starts a lockout
     * @param waitSeconds when refused, the seconds until the allowance is restored
     */
    record Attempt(boolean allowed, boolean last, long waitSeconds) {
    }
}
