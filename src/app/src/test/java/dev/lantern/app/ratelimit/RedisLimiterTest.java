package dev.lantern.app.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.CallerIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limiter and the token quota against the real Redis (lantern.it.redis.url, default 127.0.0.1:6379),
 * and against a port where nothing listens: failing open or closed as configured, always within bounds.
 */
class RedisLimiterTest {

    private static final String REDIS = System.getProperty("lantern.it.redis.url", "redis://127.0.0.1:6379");
    private static final String DEAD = "redis://127.0.0.1:1";

    private RateLimiter limiter;

    private RateLimiter limiter(String url, MapConfig config) {
        // The live Redis gets a generous timeout: on a loaded machine a 250 ms answer is late, the limiter then
        // fails open and the counts asserted here would be a fail-open's. The dead one keeps the server's 250 ms.
        Duration timeout = url.equals(DEAD) ? Duration.ofMillis(250) : Duration.ofSeconds(3);
        limiter = new RateLimiter(Optional.of(url), timeout, "unit-" + UUID.randomUUID());
        RateLimitPolicies policies = new RateLimitPolicies();
        policies.config = config;
        limiter.policies = policies;
        limiter.config = config;
        limiter.warmUp(null);
        return limiter;
    }

    @AfterEach
    void close() {
        if (limiter != null) {
            limiter.close();
        }
    }

    private static CallerIdentity user() {
        return new CallerIdentity(UUID.randomUUID().toString(), "u@example.com", Set.of("user"), Optional.empty());
    }

    private static TokenQuota quota(RateLimiter limiter) {
        TokenQuota quota = new TokenQuota();
        quota.policies = limiter.policies;
        quota.limiter = limiter;
        return quota;
    }

    @Test
    void tokenQuotaRefusesAReservationBeyondWhatIsLeftAndSettlingGivesBack() {
        TokenQuota tokens = quota(limiter(REDIS, new MapConfig(Map.of())));
        CallerIdentity caller = user();
        Reservation first = tokens.reserve(caller, 6_000);
        LanternException refused = assertThrows(LanternException.class, () -> tokens.reserve(caller, 5_000));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertTrue(refused.headers().containsKey("Retry-After"), refused.headers().toString());
        assertTrue(refused.getMessage().contains("generation"), refused.getMessage());

        first.settle(1_000);
        Reservation second = tokens.reserve(caller, 5_000);
        second.settle(5_000);
        assertThrows(LanternException.class, () -> tokens.reserve(caller, 10_001), "more than the quota at once");
        assertEquals(0, tokens.reserve(new CallerIdentity("a", "a@x", Set.of("admin"), Optional.empty()), 50_000)
                .reserved(), "administrators are exempt");
    }

    @Test
    void requestWindowsAreCountedInRedis() {
        RateLimiter redis = limiter(REDIS, new MapConfig(Map.of("lantern.ratelimit.policy.unit.limits", "3/minute")));
        CallerIdentity caller = user();
        for (int i = 2; i >= 0; i--) {
            Decision decision = redis.check("unit", caller, null);
            assertTrue(decision.allowed());
            assertEquals(i, decision.remaining());
        }
        Decision refused = redis.check("unit", caller, null);
        assertTrue(!refused.allowed());
        assertTrue(refused.resetSeconds() >= 1 && refused.resetSeconds() <= 60, refused.toString());
    }

    @Test
    void aDeadRedisFailsOpenByDefaultWithinTheTimeout() {
        RateLimiter dead = limiter(DEAD, new MapConfig(Map.of()));
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertTrue(dead.check("default", user(), null).allowed());
            assertTrue(System.nanoTime() - start < Duration.ofMillis(600).toNanos(), "bounded");
        }
    }

    /** Failing open is for the request windows only: the login lockout must hold whatever Redis does. */
    @Test
    void aDeadRedisKeepsTheLockoutWhateverTheFailureMode() {
        FailureCounter logins = limiter(DEAD, new MapConfig(Map.of())).failures("unit-login", Limit.parse("3/minute"));
        for (int i = 0; i < 3; i++) {
            assertTrue(logins.attempt("account").allowed());
        }
        assertTrue(!logins.attempt("account").allowed(), "locked out although Redis is down");
    }

    @Test
    void aDeadRedisKeepsTheTokenQuotaWhateverTheFailureMode() {
        TokenQuota tokens = quota(limiter(DEAD, new MapConfig(Map.of())));
        CallerIdentity caller = user();
        tokens.reserve(caller, 6_000);
        LanternException refused = assertThrows(LanternException.class, () -> tokens.reserve(caller, 5_000),
                "the quota holds although Redis is down");
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
    }

    @Test
    void aDeadRedisFailsClosedWhenConfigured() {
        MapConfig config = new MapConfig(Map.of("lantern.ratelimit.failure-mode", "closed"));
        RateLimiter dead = limiter(DEAD, config);
        long start = System.nanoTime();
        LanternException refused = assertThrows(LanternException.class, () -> dead.check("default", user(), null));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(600).toNanos(), "bounded");
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refused.code());
        assertEquals("1", refused.headers().get("Retry-After"));

        config.values.put("lantern.ratelimit.failure-mode", "open");
        assertTrue(dead.check("default", user(), null).allowed(), "the mode is read when the failure happens");
    }
}
