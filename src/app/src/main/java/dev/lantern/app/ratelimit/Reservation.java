package dev.lantern.app.ratelimit;

import dev.lantern.app.identity.CallerIdentity;
import java.util.concurrent.atomic.AtomicBoolean;

/** Tokens reserved from a {@link TokenQuota}; {@link #settle} once with the tokens actually used. */
public final class Reservation {

    static final Reservation NONE = new Reservation(null, null, null, 0);

    private final TokenQuota owner;
    private final Quota quota;
    private final CallerIdentity caller;
    private final long reserved;
    private final AtomicBoolean settled = new AtomicBoolean();

    Reservation(TokenQuota owner, Quota quota, CallerIdentity caller, long reserved) {
        this.owner = owner;
        this.quota = quota;
        this.caller = caller;
        this.reserved = reserved;
    }

    /** Records the tokens used (prompt + completion); later calls do nothing. */
    public void settle(long actualTokens) {
        if (owner != null && settled.compareAndSet(false, true)) {
            owner.settle(this, Math.max(0, actualTokens));
        }
    }

    public long reserved() {
        return reserved;
    }

    Quota quota() {
        return quota;
    }

    CallerIdentity caller() {
        return caller;
    }
}
