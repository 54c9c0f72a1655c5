package dev.lantern.app.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the buckets live: in this process ({@link InMemoryStore}) or in Redis, shared by every server
 * ({@link RedisStore}). A store that cannot answer in time throws {@link StoreUnavailableException}.
 */
interface RateLimitStore extends AutoCloseable {

    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long amount);

    /** Gives back tokens (a reservation settled lower than reserved). */
    void refund(String key, BucketConfiguration configuration, long amount);

    /** Takes tokens even beyond the limit (a reservation settled higher than reserved). */
    void consumeAnyway(String key, BucketConfiguration configuration, long amount);

    /** Nanoseconds until one token is available (0 when one is), without taking any. */
    long nanosUntilAvailable(String key, BucketConfiguration configuration);

    /** Fills the bucket again (forgets its history). */
    void reset(String key, BucketConfiguration configuration);

    String kind();

    /** Opens connections and loads scripts ahead of the first request (bounded; failures are only logged). */
    default void warmUp() {
    }

    @Override
    void close();

    /** The store did not answer (down, slow, unreachable). */
    final class StoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
