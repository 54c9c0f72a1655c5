package dev.lantern.app.generation.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Redis, shared by every server (Lettuce, the client the rate limiter uses too): answers under
 * {@code lantern:cache:a:<key>} with a time to live, scope versions under {@code lantern:cache:v:<scope>}
 * (INCR), semantic buckets as capped lists. The connection is opened on first use and reconnects by itself;
 * while Redis is away commands fail at once (the cache then answers as a miss).
 */
final class RedisCacheStore implements CacheStore, AutoCloseable {

    private static final String PREFIX = "lantern:cache:";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final RedisClient client;
    private final long ttlSeconds;
    private final int bucketSize;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisCacheStore(URI url, Duration ttl, int bucketSize) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT)).build());
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.bucketSize = bucketSize;
    }

    private RedisCommands<String, String> redis() {
        StatefulRedisConnection<String, String> open = connection;
        if (open == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                open = connection;
            }
        }
        return open.sync();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis().get(PREFIX + "a:" + key));
    }

    @Override
    public void put(String key, String value) {
        redis().setex(PREFIX + "a:" + key, ttlSeconds, value);
    }

    @Override
    public long scopeVersion(String scope) {
        String version = redis().get(PREFIX + "v:" + scope);
        return version == null ? 0 : Long.parseLong(version);
    }

    @Override
    public void invalidateScope(String scope) {
        redis().incr(PREFIX + "v:" + scope);
    }

    @Override
    public void addVector(String bucket, String entry) {
        String key = PREFIX + "s:" + bucket;
        RedisCommands<String, String> redis = redis();
        redis.lpush(key, entry);
        redis.ltrim(key, 0, bucketSize - 1L);
        redis.expire(key, ttlSeconds);
    }

    @Override
    public List<String> vectors(String bucket) {
        return redis().lrange(PREFIX + "s:" + bucket, 0, bucketSize - 1L);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
