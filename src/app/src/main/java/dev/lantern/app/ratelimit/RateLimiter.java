package dev.lantern.app.ratelimit;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.CallerIdentity;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Counts requests against their policy in the store: Redis when {@code LANTERN_REDIS_URL} is set, this
 * process otherwise. Keys are {@code <lantern.ratelimit.key-prefix>:rl:<policy>:<limits>:<u:subject | a:address>},
 * so servers sharing a Redis and a prefix share their limits. When the store fails (down, or slower than
 * {@code lantern.ratelimit.redis.timeout}, at most 250 ms), {@code lantern.ratelimit.failure-mode} decides,
 * read at that moment so it can be changed at run time: {@code open} (the default) lets the request through,
 * {@code closed} answers 503 {@code SERVICE_UNAVAILABLE}; either way the failure is logged (at most every
 * 10 s) and counted in {@code lantern_ratelimit_store_failures_total}. Decisions are counted in
 * {@code lantern_ratelimit_requests_total{policy,outcome}}.
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration MAX_TIMEOUT = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    private final RateLimitStore store;
    private final String prefix;
    private final AtomicLong lastFailureLog = new AtomicLong();

    @Inject
    RateLimitPolicies policies;

    @Inject
    Config config;

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    @Inject
    public RateLimiter(@ConfigProperty(name = "LANTERN_REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "lantern.ratelimit.redis.timeout", defaultValue = "PT0.25S") Duration timeout,
            @ConfigProperty(name = "lantern.ratelimit.key-prefix", defaultValue = "lantern") String prefix) {
        Duration bounded = timeout.compareTo(MAX_TIMEOUT) > 0 || timeout.isNegative() ? MAX_TIMEOUT : timeout;
        this.store = redisUrl.filter(url -> !url.isBlank())
                .<RateLimitStore>map(url -> new RedisStore(url.trim(), bounded)).orElseGet(InMemoryStore::new);
        this.prefix = prefix;
        LOG.info(() -> "Rate limits are kept in " + store.kind() + " (key prefix " + prefix + ")");
    }

    /** For CDI's client proxy only. */
    protected RateLimiter() {
        this.store = null;
        this.prefix = null;
    }

    /** Connects to the store at start-up rather than on the first request. */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        store.warmUp();
    }

    @PreDestroy
    void close() {
        store.close();
    }

    /** Counts one request of this caller against the policy. */
    public Decision check(String policy, CallerIdentity caller, String address) {
        Quota quota = policies.requests(policy, caller, address).orElseThrow();
        if (policies.exempt(policy, caller.roles())) {
            return Decision.unlimited(quota);
        }
        Decision decision;
        try {
            decision = Decision.of(quota, store.tryConsume(key("rl", quota, caller, address), quota.bucket(), 1));
        } catch (RateLimitStore.StoreUnavailableException e) {
            storeFailed(policy, e);
            decision = Decision.unlimited(quota);
        }
        count("lantern.ratelimit.requests", new Tag("policy", policy),
                new Tag("outcome", decision.allowed() ? "allowed" : "rejected"));
        return decision;
    }

    /** Takes {@code amount} from a quota bucket (the token quota); the probe tells whether it fitted. */
    ConsumptionProbe take(Quota quota, CallerIdentity caller, long amount) {
        return store.tryConsume(key("tq", quota, caller, null), quota.bucket(), amount);
    }

    void adjust(Quota quota, CallerIdentity caller, long delta) {
        BucketConfiguration bucket = quota.bucket();
        String key = key("tq", quota, caller, null);
        if (delta > 0) {
            store.consumeAnyway(key, bucket, delta);
        } else if (delta < 0) {
            store.refund(key, bucket, -delta);
        }
    }

    /**
     * A counter of failures (login attempts) named {@code name}, allowing {@code limit} failures per window,
     * kept in the same store as the rate limits.
     */
    public FailureCounter failures(String name, Limit limit) {
        Quota quota = new Quota(name, java.util.List.of(limit));
        return new FailureCounter() {
            @Override
            public long waitSeconds(String who) {
                String key = prefix + ":fc:" + name + ":" + quota.signature() + ":" + who;
                try {
                    long nanos = store.nanosUntilAvailable(key, quota.bucket());
                    return nanos <= 0 ? 0 : Math.max(1, Decision.seconds(nanos));
                } catch (RateLimitStore.StoreUnavailableException e) {
                    storeFailed(name, e);
                    return 0;
                }
            }

            @Override
            public boolean fail(String who) {
                String key = prefix + ":fc:" + name + ":" + quota.signature() + ":" + who;
                try {
                    ConsumptionProbe probe = store.tryConsume(key, quota.bucket(), 1);
                    return probe.isConsumed() && probe.getRemainingTokens() == 0;
                } catch (RateLimitStore.StoreUnavailableException e) {
                    storeFailed(name, e);
                    return false;
                }
            }

            @Override
            public void clear(String who) {
                try {
                    store.reset(prefix + ":fc:" + name + ":" + quota.signature() + ":" + who, quota.bucket());
                } catch (RateLimitStore.StoreUnavailableException e) {
                    storeFailed(name, e);
                }
            }
        };
    }

    /** Fail open or closed after the store did not answer; returns normally when open. */
    void storeFailed(String policy, RuntimeException failure) {
        boolean closed = "closed".equalsIgnoreCase(
                config.getOptionalValue("lantern.ratelimit.failure-mode", String.class).orElse("open").trim());
        count("lantern.ratelimit.store.failures", new Tag("mode", closed ? "closed" : "open"));
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last > Duration.ofSeconds(10).toNanos() && lastFailureLog.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "Rate-limit store (" + store.kind() + ") unavailable for policy " + policy
                    + ": failing " + (closed ? "closed (503)" : "open (requests pass)") + ": " + failure.getMessage());
        }
        if (closed) {
            throw new LanternException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Rate limiting is unavailable (policy \"" + policy + "\"): retry shortly.").withHeader("Retry-After", 1);
        }
    }

    private void count(String name, Tag... tags) {
        if (metrics != null) {
            metrics.counter(name, tags).inc();
        }
    }

    private String key(String kind, Quota quota, CallerIdentity caller, String address) {
        String who = caller.isAuthenticated() ? "u:" + caller.subject() : "a:" + address;
        return prefix + ":" + kind + ":" + quota.policy() + ":" + quota.signature() + ":" + who;
    }
}
