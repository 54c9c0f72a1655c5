package dev.lantern.app.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.function.Consumer;

/**
 * A shared store (Redis) with this process's own count beside it, for the counts that must never fail open
 * whatever {@code lantern.ratelimit.failure-mode} says: login lockouts and token quotas. Every call is counted
 * here first and then in the shared store, and passes only when both allow it: the shared store bounds all
 * servers together, and this one bounds this server whatever Redis does, so that a slow Redis (whose answers
 * come too late and are taken as failures) or a lost one never lets one server go past the allowance.
 */
final class MirroredStore implements RateLimitStore {

    private final RateLimitStore shared;
    private final RateLimitStore local;
    private final Consumer<RuntimeException> failed;

    MirroredStore(RateLimitStore shared, RateLimitStore local, Consumer<RuntimeException> failed) {
        this.shared = shared;
        this.local = local;
        this.failed = failed;
    }

    /** Allowed when both allow; the answer with fewer tokens left. A shared refusal gives the local tokens back. */
    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long amount) {
        ConsumptionProbe here = local.tryConsume(key, configuration, amount);
        if (!here.isConsumed()) {
            return here;
        }
        try {
            ConsumptionProbe everywhere = shared.tryConsume(key, configuration, amount);
            if (!everywhere.isConsumed()) {
                local.refund(key, configuration, amount);
                return everywhere;
            }
            return everywhere.getRemainingTokens() < here.getRemainingTokens() ? everywhere : here;
        } catch (StoreUnavailableException e) {
            failed.accept(e);
            return here;
        }
    }

    @Override
    public void refund(String key, BucketConfiguration configuration, long amount) {
        local.refund(key, configuration, amount);
        sharedToo(() -> shared.refund(key, configuration, amount));
    }

    @Override
    public void consumeAnyway(String key, BucketConfiguration configuration, long amount) {
        local.consumeAnyway(key, configuration, amount);
        sharedToo(() -> shared.consumeAnyway(key, configuration, amount));
    }

    @Override
    public long nanosUntilAvailable(String key, BucketConfiguration configuration) {
        long here = local.nanosUntilAvailable(key, configuration);
        try {
            return Math.max(here, shared.nanosUntilAvailable(key, configuration));
        } catch (StoreUnavailableException e) {
            failed.accept(e);
            return here;
        }
    }

    @Override
    public void reset(String key, BucketConfiguration configuration) {
        local.reset(key, configuration);
        sharedToo(() -> shared.reset(key, configuration));
    }

    @Override
    public String kind() {
        return shared.kind() + " and memory";
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

    private void sharedToo(Runnable call) {
        try {
            call.run();
        } catch (StoreUnavailableException e) {
            failed.accept(e);
        }
    }
}
