package dev.lantern.app.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this process: the default without Redis. Bounded to {@value #MAX_BUCKETS} keys: a bucket left
 * alone for its longest window is full again and is forgotten (nothing is lost), and past the bound Caffeine
 * evicts the least used ones, one at a time, rather than grow without end under a flood of addresses. The
 * limiter keeps lockouts and token quotas in a store of their own, so a flood of anonymous callers cannot
 * evict them.
 */
final class InMemoryStore implements RateLimitStore {

    static final int MAX_BUCKETS = 200_000;

    private final Cache<String, Entry> buckets;

    InMemoryStore() {
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfter(new UntilFull())
                .executor(Runnable::run).build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long amount) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(amount);
    }

    @Override
    public void refund(String key, BucketConfiguration configuration, long amount) {
        bucket(key, configuration).addTokens(amount);
    }

    @Override
    public void consumeAnyway(String key, BucketConfiguration configuration, long amount) {
        bucket(key, configuration).consumeIgnoringRateLimits(amount);
    }

    @Override
    public long nanosUntilAvailable(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    @Override
    public void reset(String key, BucketConfiguration configuration) {
        buckets.invalidate(key);
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public void close() {
        buckets.invalidateAll();
    }

    private Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            long longest = 0;
            for (Bandwidth bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
                longest = Math.max(longest, bandwidth.getRefillPeriodNanos());
            }
            return new Entry(builder.build(), longest);
        }).bucket();
    }

    /** A bucket and how long it may be left alone before it is full again (its longest refill period). */
    private record Entry(Bucket bucket, long idleNanos) {
    }

    /** Every use restarts the entry's time: it expires once unused for its longest window. */
    private static final class UntilFull implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long now) {
            return entry.idleNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
            return entry.idleNanos();
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long now, long remaining) {
            return entry.idleNanos();
        }
    }
}
