package dev.lantern.app.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A shared store (Redis) that falls back to one in this process while the shared one cannot answer, for the
 * counts that must never fail open whatever {@code lantern.ratelimit.failure-mode} says: login lockouts and
 * token quotas. During an outage every server counts alone, which is still a limit.
 */
final class FallbackStore implements RateLimitStore {

    private final RateLimitStore shared;
    private final RateLimitStore local;
    private final Consumer<RuntimeException> failed;

    FallbackStore(RateLimitStore shared, RateLimitStore local, Consumer<RuntimeException> failed) {
        this.shared = shared;
        this.local = local;
        this.failed = failed;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long amount) {
        return either(store -> store.tryConsume(key, configuration, amount));
    }

    @Override
    public void refund(String key, BucketConfiguration configuration, long amount) {
        either(store -> {
            store.refund(key, configuration, amount);
            return null;
        });
    }

    @Override
    public void consumeAnyway(String key, BucketConfiguration configuration, long amount) {
        either(store -> {
            store.consumeAnyway(key, configuration, amount);
            return null;
        });
    }

    @Override
    public long nanosUntilAvailable(String key, BucketConfiguration configuration) {
        return either(store -> store.nanosUntilAvailable(key, configuration));
    }

    @Override
    public void reset(String key, BucketConfiguration configuration) {
        either(store -> {
            store.reset(key, configuration);
            return null;
        });
    }

    @Override
    public String kind() {
        return shared.kind() + ", else memory";
    }

    @Override
    public void warmUp() {
        shared.warmUp();
    }

    @Override
    public void close() {
        shared.close();
        local.close();
    }

    private <T> T either(Function<RateLimitStore, T> call) {
        try {
            return call.apply(shared);
        } catch (StoreUnavailableException e) {
            failed.accept(e);
            return call.apply(local);
        }
    }
}
