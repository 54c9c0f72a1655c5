package dev.lantern.app.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this process: the default without Redis. Bounded: past {@value #MAX_BUCKETS} keys the map is
 * emptied (every caller starts afresh) rather than grow without end under a flood of addresses.
 */
final class InMemoryStore implements RateLimitStore {

    static final int MAX_BUCKETS = 200_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
        buckets.remove(key);
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public void close() {
        buckets.clear();
    }

    private Bucket bucket(String key, BucketConfiguration configuration) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear();
            }
            bucket = buckets.computeIfAbsent(key, k -> {
                LocalBucketBuilder builder = Bucket.builder();
                for (var bandwidth : configuration.getBandwidths()) {
                    builder.addLimit(bandwidth);
                }
                return builder.build();
            });
        }
        return bucket;
    }
}
