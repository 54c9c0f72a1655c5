package dev.lantern.app.ratelimit;

/**
 * Failures of something (logins) counted per key in the limiter's store, so every server sharing a Redis
 * sees the same counts: at most {@code limit.amount()} failures per window, then a lockout until the window
 * ends.
 */
public interface FailureCounter {

    /** Seconds until {@code who} may try again; 0 when not locked out. */
    long waitSeconds(String who);

    /** Counts a failure; true when it used up the allowance (the lockout starts now). */
    boolean fail(String who);

    /** Forgets the failures (after a success). */
    void clear(String who);
}
