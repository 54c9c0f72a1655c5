package dev.lantern.app.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Buckets in Redis through Lettuce and Bucket4j's compare-and-swap proxy, so that every server sharing the
 * Redis enforces one combined limit. Every request's call is bounded by the timeout (command timeout, and a
 * hard wait on the future); connecting happens in the background, commands are rejected at once while
 * disconnected, and a lost connection is tried again every second, so a dead or slow Redis never holds a
 * request longer than the timeout.
 * Keys expire once their bucket would be full again.
 */
final class RedisStore implements RateLimitStore {

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final Duration timeout;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> proxies;
    private final RedisURI uri;
    private CompletableFuture<AsyncProxyManager<String>> connecting;
    private long nextAttempt;

    RedisStore(String url, Duration timeout) {
        this.timeout = timeout;
        this.uri = RedisURI.create(url);
        uri.setTimeout(HANDSHAKE_TIMEOUT);
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.constant(RECONNECT_PAUSE)).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long amount) {
        return await(bucket(key, configuration).tryConsumeAndReturnRemaining(amount));
    }

    @Override
    public void refund(String key, BucketConfiguration configuration, long amount) {
        await(bucket(key, configuration).addTokens(amount));
    }

    @Override
    public void consumeAnyway(String key, BucketConfiguration configuration, long amount) {
        await(bucket(key, configuration).consumeIgnoringRateLimits(amount));
    }

    @Override
    public long nanosUntilAvailable(String key, BucketConfiguration configuration) {
        return await(bucket(key, configuration).estimateAbilityToConsume(1)).getNanosToWaitForRefill();
    }

    @Override
    public void reset(String key, BucketConfiguration configuration) {
        await(bucket(key, configuration).reset());
    }

    @Override
    public String kind() {
        return "redis";
    }

    /** The first connection and script load take longer than the request timeout: done once at start. */
    @Override
    public void warmUp() {
        BucketConfiguration probe = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillIntervally(1, Duration.ofSeconds(1))).build();
        try {
            try {
                proxies();
            } catch (StoreUnavailableException e) {
                CompletableFuture<AsyncProxyManager<String>> pending;
                synchronized (this) {
                    pending = connecting;
                }
                pending.get(HANDSHAKE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            bucket("lantern:warm-up:" + java.util.UUID.randomUUID(), probe).tryConsumeAndReturnRemaining(1)
                    .get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            java.util.logging.Logger.getLogger(RedisStore.class.getName())
                    .warning(() -> "Redis did not answer the warm-up: " + e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private AsyncBucketProxy bucket(String key, BucketConfiguration configuration) {
        return proxies().builder().build(key, () -> CompletableFuture.completedFuture(configuration));
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(timeout.toMillis() + 50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(true);
            throw new StoreUnavailableException("Redis did not answer within " + timeout.toMillis() + " ms", e);
        }
    }

    /**
     * The bucket proxies over the current connection. Connecting happens in the background (the first time
     * includes Lettuce's start-up and the protocol handshake, far slower than a request may wait): while it
     * is not done, or after it failed and until the pause is over, requests get {@link StoreUnavailableException}
     * at once.
     */
    private AsyncProxyManager<String> proxies() {
        AsyncProxyManager<String> current = proxies;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (proxies != null) {
                return proxies;
            }
            long now = System.nanoTime();
            if ((connecting == null || connecting.isCompletedExceptionally()) && now - nextAttempt >= 0) {
                nextAttempt = now + RECONNECT_PAUSE.toNanos();
                connecting = client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                        .toCompletableFuture().thenApply(this::connected);
            }
        }
        throw new StoreUnavailableException("Redis is not connected (connecting, or retrying shortly)", null);
    }

    private synchronized AsyncProxyManager<String> connected(StatefulRedisConnection<String, byte[]> opened) {
        connection = opened;
        proxies = Bucket4jLettuce.casBasedBuilder(opened)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(timeout)
                .build().asAsync();
        return proxies;
    }
}
