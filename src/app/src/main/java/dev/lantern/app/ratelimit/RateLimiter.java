package dev.lantern.app.ratelimit;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.AddressBlock;
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
 *
 * <p>Login lockouts ({@link #failures}) and token quotas are protections, not conveniences: they never fail
 * open. They live in a store of their own, which a flood of anonymous callers cannot evict: with Redis, a
 * connection allowed {@value #PROTECTIONS_SECONDS} s beside a count in this process that holds whatever Redis
 * does ({@link MirroredStore}; Redis failures counted with {@code mode="memory"}). Anonymous callers
 * are counted by {@link AddressBlock} (an IPv6 client by its /64).
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration MAX_TIMEOUT = Duration.ofMillis(250);
    /**
     * Lockouts and token quotas wait longer for Redis, on a connection of their own: what they guard costs far
     * more (a login hashes for half a second, a generation runs for seconds), and an answer Redis misses
     * leaves the decision to this server's own count.
     */
    static final long PROTECTIONS_SECONDS = 1;
    static final Duration PROTECTIONS_TIMEOUT = Duration.ofSeconds(PROTECTIONS_SECONDS);
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    private final RateLimitStore store;
    private final RateLimitStore protections;
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
            @ConfigProperty(name = "lantern.ratelimit.redis.timeout") Duration timeout,
            @ConfigProperty(name = "lantern.ratelimit.key-prefix") String prefix) {
        Duration bounded = timeout.compareTo(MAX_TIMEOUT) > 0 || timeout.isNegative() ? MAX_TIMEOUT : timeout;
        Optional<String> redis = redisUrl.map(String::trim).filter(url -> !url.isEmpty());
        this.store = redis.<RateLimitStore>map(url -> new RedisStore(url, bounded)).orElseGet(InMemoryStore::new);
        this.protections = redis.<RateLimitStore>map(url -> new MirroredStore(new RedisStore(url, PROTECTIONS_TIMEOUT),
                new InMemoryStore(), this::fellBack)).orElseGet(InMemoryStore::new);
        this.prefix = prefix;
        LOG.info(() -> "Rate limits are kept in " + store.kind() + " (key prefix " + prefix + ")");
    }

    /** For CDI's client proxy only. */
    protected RateLimiter() {
        this.store = null;
        this.protections = null;
        this.prefix = null;
    }

    /** Connects to the store at start-up rather than on the first request. */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        store.warmUp();
        protections.warmUp();
    }

    @PreDestroy
    void close() {
        store.close();
        protections.close();
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
        return protections.tryConsume(key("tq", quota, caller, null), quota.bucket(), amount);
    }

    void adjust(Quota quota, CallerIdentity caller, long delta) {
        BucketConfiguration bucket = quota.bucket();
        String key = key("tq", quota, caller, null);
        if (delta > 0) {
            protections.consumeAnyway(key, bucket, delta);
        } else if (delta < 0) {
            protections.refund(key, bucket, -delta);
        }
    }

    /**
     * A counter of attempts (logins) named {@code name}, allowing {@code limit} per window, kept with the
     * token quotas in the store that never fails open.
     */
    public FailureCounter failures(String name, Limit limit) {
        Quota quota = new Quota(name, java.util.List.of(limit));
        return new FailureCounter() {
            @Override
            public Attempt attempt(String who) {
                ConsumptionProbe probe = protections.tryConsume(key(who), quota.bucket(), 1);
                if (!probe.isConsumed()) {
                    return new Attempt(false, false, Math.max(1, Decision.seconds(probe.getNanosToWaitForRefill())));
                }
                return new Attempt(true, probe.getRemainingTokens() == 0, 0);
            }

            @Override
            public void giveBack(String who) {
                protections.refund(key(who), quota.bucket(), 1);
            }

            @Override
            public void clear(String who) {
                protections.reset(key(who), quota.bucket());
            }

            private String key(String who) {
                return prefix + ":fc:" + name + ":" + quota.signature() + ":" + who;
            }
        };
    }

    /** The shared store did not answer a protection's call: this process's count alone decided it. */
    private void fellBack(RuntimeException failure) {
        count("lantern.ratelimit.store.failures", new Tag("mode", "memory"));
        logFailure("lockouts and token quotas are counted by this server alone meanwhile", failure);
    }

    /** Fail open or closed after the store did not answer; returns normally when open. */
    private void storeFailed(String policy, RuntimeException failure) {
        boolean closed = "closed".equalsIgnoreCase(
                config.getValue("lantern.ratelimit.failure-mode", String.class).trim());
        count("lantern.ratelimit.store.failures", new Tag("mode", closed ? "closed" : "open"));
        logFailure("policy " + policy + " is failing " + (closed ? "closed (503)" : "open (requests pass)"), failure);
        if (closed) {
            throw new LanternException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Rate limiting is unavailable (policy \"" + policy + "\"): retry shortly.").withHeader("Retry-After", 1);
        }
    }

    /** At most one line every 10 s: an outage must not flood the log. */
    private void logFailure(String consequence, RuntimeException failure) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last > Duration.ofSeconds(10).toNanos() && lastFailureLog.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "Rate-limit store (" + store.kind() + ") unavailable: " + consequence + ": "
                    + failure.getMessage());
        }
    }

    private void count(String name, Tag... tags) {
        if (metrics != null) {
            metrics.counter(name, tags).inc();
        }
    }

    private String key(String kind, Quota quota, CallerIdentity caller, String address) {
        String who = caller.isAuthenticated() ? "u:" + caller.subject() : "a:" + AddressBlock.of(address);
        return prefix + ":" + kind + ":" + quota.policy() + ":" + quota.signature() + ":" + who;
    }
}
