package dev.lantern.app.generation.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

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
        return Optional.ofNullable(call(r -> r.get(PREFIX + "a:" + key)));
    }

    @Override
    public void put(String key, String value) {
        call(r -> r.setex(PREFIX + "a:" + key, ttlSeconds, value));
    }

    @Override
    public long scopeVersion(String scope) {
        String version = call(r -> r.get(PREFIX + "v:" + scope));
        return version == null ? 0 : Long.parseLong(version);
    }

    @Override
    public void invalidateScope(String scope) {
        call(r -> r.incr(PREFIX + "v:" + scope));
    }

    @Override
    public void addVector(String bucket, String entry) {
        String key = PREFIX + "s:" + bucket;
        call(r -> {
            r.lpush(key, entry);
            r.ltrim(key, 0, bucketSize - 1L);
            return r.expire(key, ttlSeconds);
        });
    }

    @Override
    public List<String> vectors(String bucket) {
        return call(r -> r.lrange(PREFIX + "s:" + bucket, 0, bucketSize - 1L));
    }

    /**
     * Runs a command, once more on a fresh connection when the pooled one was dropped (a Redis restart or an
     * idle timeout closes connections the pool still holds). A second failure reaches the caller.
     */
    private <T> T call(Function<JedisPooled, T> command) {
        try {
            return command.apply(redis);
        } catch (JedisConnectionException e) {
            return command.apply(redis);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
