package dev.lantern.app.generation.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/**
 * Redis, shared by every server: answers under {@code lantern:cache:a:<key>} with a time to live, scope
 * versions under {@code lantern:cache:v:<scope>} (INCR), semantic buckets as capped lists.
 */
final class RedisCacheStore implements CacheStore, AutoCloseable {

    private static final String PREFIX = "lantern:cache:";
    private final JedisPooled redis;
    private final long ttlSeconds;
    private final int bucketSize;

    RedisCacheStore(URI url, Duration ttl, int bucketSize) {
        this.redis = new JedisPooled(url);
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.bucketSize = bucketSize;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.get(PREFIX + "a:" + key));
    }

    @Override
    public void put(String key, String value) {
        redis.setex(PREFIX + "a:" + key, ttlSeconds, value);
    }

    @Override
    public long scopeVersion(String scope) {
        String version = redis.get(PREFIX + "v:" + scope);
        return version == null ? 0 : Long.parseLong(version);
    }

    @Override
    public void invalidateScope(String scope) {
        redis.incr(PREFIX + "v:" + scope);
    }

    @Override
    public void addVector(String bucket, String entry) {
        String key = PREFIX + "s:" + bucket;
        redis.lpush(key, entry);
        redis.ltrim(key, 0, bucketSize - 1L);
        redis.expire(key, ttlSeconds);
    }

    @Override
    public List<String> vectors(String bucket) {
        return redis.lrange(PREFIX + "s:" + bucket, 0, bucketSize - 1L);
    }

    @Override
    public void close() {
        redis.close();
    }
}
