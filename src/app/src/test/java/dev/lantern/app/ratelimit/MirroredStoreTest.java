package dev.lantern.app.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A Redis that answers some calls too late (taken as failures) must not let this server past the allowance:
 * answered calls and missed ones are not two allowances.
 */
class MirroredStoreTest {

    private final BucketConfiguration fivePerHour = new Quota("unit", java.util.List.of(Limit.parse("5/hour"))).bucket();

    @Test
    void aRedisThatMissesEveryOtherAnswerStillAllowsNoMoreThanTheAllowance() {
        RateLimitStore flaky = new Flaky(new InMemoryStore());
        MirroredStore store = new MirroredStore(flaky, new InMemoryStore(), e -> { });
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            if (store.tryConsume("key", fivePerHour, 1).isConsumed()) {
                allowed++;
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void aRefusalOfRedisIsARefusalAndCostsThisServerNothing() {
        InMemoryStore shared = new InMemoryStore();
        for (int i = 0; i < 5; i++) {
            shared.tryConsume("key", fivePerHour, 1); // another server spent the allowance
        }
        InMemoryStore local = new InMemoryStore();
        MirroredStore store = new MirroredStore(shared, local, e -> { });
        assertEquals(false, store.tryConsume("key", fivePerHour, 1).isConsumed());
        assertEquals(5, local.tryConsume("key", fivePerHour, 1).getRemainingTokens() + 1, "given back here");
    }

    /** A store whose every other call fails as a timeout would. */
    private static final class Flaky implements RateLimitStore {
        private final RateLimitStore store;
        private final AtomicInteger calls = new AtomicInteger();

        Flaky(RateLimitStore store) {
            this.store = store;
        }

        private void maybeFail() {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new StoreUnavailableException("too late", null);
            }
        }

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long amount) {
            maybeFail();
            return store.tryConsume(key, configuration, amount);
        }

        @Override
        public void refund(String key, BucketConfiguration configuration, long amount) {
            maybeFail();
            store.refund(key, configuration, amount);
        }

        @Override
        public void consumeAnyway(String key, BucketConfiguration configuration, long amount) {
            maybeFail();
            store.consumeAnyway(key, configuration, amount);
        }

        @Override
        public long nanosUntilAvailable(String key, BucketConfiguration configuration) {
            maybeFail();
            return store.nanosUntilAvailable(key, configuration);
        }

        @Override
        public void reset(String key, BucketConfiguration configuration) {
            maybeFail();
            store.reset(key, configuration);
        }

        @Override
        public String kind() {
            return "flaky";
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
