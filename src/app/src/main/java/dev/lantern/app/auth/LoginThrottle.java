package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection of {@code /login}: failed attempts are counted per account and per client
 * address; at {@code lantern.auth.lockout.failures} for an account (or {@code address-failures} for an
 * address) within {@code lantern.auth.lockout.duration}, further attempts are refused with 429 until that
 * duration has passed since the last counted failure, before any password is hashed. A success clears the
 * account's count. In process and bounded (at most {@value #MAX_ENTRIES} tracked keys; expired ones are
 * dropped first), so each server counts its own attempts.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_ENTRIES = 50_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    AuthSettings settings;

    @Inject
    SecurityEvents events;

    /** Refuses the attempt (429) while the account or the address is locked out. */
    public void check(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining("a:" + account, settings.lockoutFailures(), now),
                remaining("i:" + address, settings.lockoutAddressFailures(), now));
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            throw new LanternException(ErrorCode.RATE_LIMITED,
                    "Too many failed logins: try again in " + seconds + " seconds.").withHeader("Retry-After", seconds);
        }
    }

    /** Counts a failed attempt; logs a lockout when this one reaches a limit. */
    public void failed(String account, String knownAccount, String address) {
        Instant now = clock.instant();
        if (count("a:" + account, now) == settings.lockoutFailures()
                | count("i:" + address, now) == settings.lockoutAddressFailures()) {
            events.record(SecurityEvents.Type.LOCKED_OUT, knownAccount, address);
        }
    }

    public void succeeded(String account) {
        failures.remove("a:" + account);
    }

    private int count(String key, Instant now) {
        if (failures.size() >= MAX_ENTRIES) {
            evict(now);
        }
        return failures.compute(key, (k, old) -> old == null || old.expired(now, settings.lockoutDuration())
                ? new Failures(1, now) : new Failures(old.count() + 1, now)).count();
    }

    private Duration remaining(String key, int limit, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.count() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, entry.last().plus(settings.lockoutDuration()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void evict(Instant now) {
        failures.values().removeIf(entry -> entry.expired(now, settings.lockoutDuration()));
        Iterator<String> keys = failures.keySet().iterator();
        while (failures.size() >= MAX_ENTRIES && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record Failures(int count, Instant last) {
        boolean expired(Instant now, Duration window) {
            return last.plus(window).isBefore(now);
        }
    }
}
