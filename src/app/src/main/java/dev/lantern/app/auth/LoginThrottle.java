package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.ratelimit.FailureCounter;
import dev.lantern.app.ratelimit.Limit;
import dev.lantern.app.ratelimit.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brute-force protection of {@code /login}, in the rate limiter's store (Redis when configured, so every
 * server counts together): failed attempts are counted per account and per client address; once
 * {@code lantern.auth.lockout.failures} for an account (or {@code address-failures} for an address) have
 * failed within a {@code lantern.auth.lockout.duration} window, further attempts are refused with 429 until
 * the window ends, before any password is hashed. A success clears the account's count. Accounts are keyed
 * by the SHA-256 of the email, so no address is written to Redis.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AuthSettings settings;

    @Inject
    SecurityEvents events;

    @Inject
    RateLimiter limiter;

    private FailureCounter accounts;
    private FailureCounter addresses;

    @PostConstruct
    void counters() {
        accounts = limiter.failures("login-account", new Limit(settings.lockoutFailures(), settings.lockoutDuration()));
        addresses = limiter.failures("login-address",
                new Limit(settings.lockoutAddressFailures(), settings.lockoutDuration()));
    }

    /** Refuses the attempt (429) while the account or the address is locked out. */
    public void check(String account, String address) {
        long seconds = Math.max(accounts.waitSeconds(Secrets.sha256(account)), addresses.waitSeconds(address));
        if (seconds > 0) {
            throw new LanternException(ErrorCode.RATE_LIMITED,
                    "Too many failed logins: try again in " + seconds + " seconds.").withHeader("Retry-After", seconds);
        }
    }

    /** Counts a failed attempt; logs a lockout when this one reaches a limit. */
    public void failed(String account, String knownAccount, String address) {
        if (accounts.fail(Secrets.sha256(account)) | addresses.fail(address)) {
            events.record(SecurityEvents.Type.LOCKED_OUT, knownAccount, address);
        }
    }

    public void succeeded(String account) {
        accounts.clear(Secrets.sha256(account));
    }
}
