package dev.lantern.engine.batch;

/**
 * Bounds of a {@link BatchScheduler}.
 *
 * @param maxBatchSize      rows per model call
 * @param maxQueuedRequests requests waiting to join (beyond the running ones)
 * @param maxQueuedTokens   prompt tokens waiting to join, summed
 */
public record SchedulerLimits(int maxBatchSize, int maxQueuedRequests, int maxQueuedTokens) {
    public SchedulerLimits {
        if (maxBatchSize < 1 || maxQueuedRequests < 0 || maxQueuedTokens < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBatchSize + ", "
                    + maxQueuedRequests + ", " + maxQueuedTokens);
        }
    }

    public static SchedulerLimits defaults() {
        return new SchedulerLimits(8, 64, 64 * 1024);
    }
}
