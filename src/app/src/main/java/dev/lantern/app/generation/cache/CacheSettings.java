package dev.lantern.app.generation.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The response cache's configuration (microprofile-config.properties, "Response cache"). */
@ApplicationScoped
public class CacheSettings {

    private final boolean enabled;
    private final boolean deterministicOnly;
    private final long maxEntries;
    private final Duration ttl;
    private final boolean semantic;
    private final double threshold;
    private final int bucketSize;
    private final Optional<URI> redis;

    @Inject
    public CacheSettings(@ConfigProperty(name = "lantern.cache.enabled") boolean enabled,
            @ConfigProperty(name = "lantern.cache.deterministic-only") boolean deterministicOnly,
            @ConfigProperty(name = "lantern.cache.max-entries") long maxEntries,
            @ConfigProperty(name = "lantern.cache.ttl") Duration ttl,
            @ConfigProperty(name = "lantern.cache.semantic.enabled") boolean semantic,
            @ConfigProperty(name = "lantern.cache.semantic.threshold") double threshold,
            @ConfigProperty(name = "lantern.cache.semantic.bucket-size") int bucketSize,
            @ConfigProperty(name = "LANTERN_REDIS_URL") Optional<String> redis) {
        this.enabled = enabled;
        this.deterministicOnly = deterministicOnly;
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.semantic = semantic;
        this.threshold = threshold;
        this.bucketSize = Math.max(1, bucketSize);
        this.redis = redis.map(String::trim).filter(s -> !s.isEmpty()).map(URI::create);
    }

    /** For CDI's client proxy only. */
    protected CacheSettings() {
        this(false, true, 1, Duration.ofMinutes(1), false, 1, 1, Optional.empty());
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean deterministicOnly() {
        return deterministicOnly;
    }

    public long maxEntries() {
        return maxEntries;
    }

    public Duration ttl() {
        return ttl;
    }

    public boolean semantic() {
        return semantic;
    }

    public double threshold() {
        return threshold;
    }

    public int bucketSize() {
        return bucketSize;
    }

    public Optional<URI> redis() {
        return redis;
    }
}
