package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.AddressBlock;
import dev.lantern.app.ratelimit.FailureCounter;
import dev.lantern.app.ratelimit.Limit;
import dev.lantern.app.ratelimit.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brute-force protection of {@code /login}, in the limiter's store for protections (Redis when configured, so
 * every server counts together; this server's memory while Redis cannot answer; never failing open): at most
 * {@code lantern.auth.lockout.failures} attempts per account and {@code address-failures} per client address
 * (an IPv6 client by its /64) are evaluated within a {@code lantern.auth.lockout.duration} window; further
 * attempts are refused with 429 until the window ends. An attempt is taken before its password is hashed, so
 * parallel guesses cannot all pass a check made before the first of them failed; a success gives the
 * address's attempt back and clears the account's. Accounts are keyed by the SHA-256 of the email, so no
 * address is written to Redis.
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

    /** Takes the attempt from the address's and the account's allowance, or refuses it (429) while either is spent. */
    public Attempt begin(String account, String address) {
        String accountKey = Secrets.sha256(account);
        String block = AddressBlock.of(address);
        FailureCounter.Attempt byAddress = addresses.attempt(block);
        if (!byAddress.allowed()) {
            throw lockedOut(byAddress.waitSeconds());
        }
        FailureCounter.Attempt byAccount = accounts.attempt(accountKey);
        if (!byAccount.allowed()) {
            addresses.giveBack(block);
            throw lockedOut(byAccount.waitSeconds());
        }
        return new Attempt(accountKey, block, address, byAccount.last() || byAddress.last());
    }

    private static LanternException lockedOut(long seconds) {
        return new LanternException(ErrorCode.RATE_LIMITED,
                "Too many failed logins: try again in " + seconds + " seconds.").withHeader("Retry-After", seconds);
    }

    /** One login attempt under way: end it with {@link #failed} or {@link #succeeded}. */
    public final class Attempt {
        private final String accountKey;
        private final String block;
        private final String address;
        private final boolean last;

        private Attempt(String accountKey, String block, String address, boolean last) {
            this.accountKey = accountKey;
            this.block = block;
            this.address = address;
            this.last = last;
        }

        /** The attempt stays counted; logs a lockout when it took the last of an allowance. */
        public void failed(String knownAccount) {
            if (last) {
                events.record(SecurityEvents.Type.LOCKED_OUT, knownAccount, address);
            }
        }

        public void succeeded() {
            accounts.clear(accountKey);
            addresses.giveBack(block);
        }
    }
}
