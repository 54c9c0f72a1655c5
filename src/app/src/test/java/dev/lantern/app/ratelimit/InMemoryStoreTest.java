package dev.lantern.app.ratelimit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.identity.CallerIdentity;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter in this process (no Redis): bounded, and a flood of new callers unlocks no account. */
class InMemoryStoreTest {

    private final RateLimiter limiter = limiter();

    private static RateLimiter limiter() {
        RateLimiter limiter = new RateLimiter(Optional.empty(), Duration.ofMillis(250), "unit");
        RateLimitPolicies policies = new RateLimitPolicies();
        policies.config = new MapConfig(java.util.Map.of());
        limiter.policies = policies;
        limiter.config = policies.config;
        return limiter;
    }

    @AfterEach
    void close() {
        limiter.close();
    }

    @Test
    void aFloodOfAnonymousAddressesDoesNotLiftALockout() {
        FailureCounter logins = limiter.failures("unit-login", Limit.parse("3/hour"));
        for (int i = 0; i < 3; i++) {
            assertTrue(logins.attempt("account").allowed());
        }
        assertTrue(!logins.attempt("account").allowed(), "locked out");
        for (int i = 0; i <= InMemoryStore.MAX_BUCKETS; i++) {
            limiter.check("anonymous", CallerIdentity.ANONYMOUS, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(!logins.attempt("account").allowed(), "still locked out after "
                + InMemoryStore.MAX_BUCKETS + " new addresses");
    }
}
