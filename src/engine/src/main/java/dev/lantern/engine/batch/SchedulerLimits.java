package dev.lantern.engine.batch;

import java.time.Duration;

/**
 * Bounds of a {@link BatchScheduler}.
 *
 * @param maxBatchSize      rows per model call
 * @param maxQueuedRequests requests waiting to join (beyond the running ones)
 * @param maxQueuedTokens   prompt tokens waiting to join, summed
 * @param admissionWindow   an idle scheduler admits once no request has arrived for this long (or the batch is
 *                          full, or {@code maxBatchSize} windows have passed since the first arrival), so that a
 *                          burst is prefilled in one model call rather than one request first and the rest in a
 *                          second call plus a cache rebuild; zero admits at once
 * @param prefixCacheBytes  the most the keys and values of cached prompt prefixes may take (shared by the
 *                          lanes); 0 turns the prefix cache off
 */
public record SchedulerLimits(int maxBatchSize, int maxQueuedRequests, int maxQueuedTokens,
                              Duration admissionWindow, long prefixCacheBytes) {
    /** The default window: a few milliseconds, small beside one prefill of the demo model (tens of ms). */
    public static final Duration DEFAULT_ADMISSION_WINDOW = Duration.ofMillis(5);

    public SchedulerLimits {
        if (maxBatchSize < 1 || maxQueuedRequests < 0 || maxQueuedTokens < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBatchSize + ", "
                    + maxQueuedRequests + ", " + maxQueuedTokens);
        }
        if (prefixCacheBytes < 0) {
            throw new IllegalArgumentException("the prefix cache's size must not be negative: " + prefixCacheBytes);
        }
        if (admissionWindow.isNegative() || admissionWindow.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the admission window must be between 0 and 1 s: " + admissionWindow);
        }
    }

    /** Without a prefix cache. */
    public SchedulerLimits(int maxBatchSize, int maxQueuedRequests, int maxQueuedTokens, Duration admissionWindow) {
        this(maxBatchSize, maxQueuedRequests, maxQueuedTokens, admissionWindow, 0);
    }

    /** Without a prefix cache, with the default admission window. */
    public SchedulerLimits(int maxBatchSize, int maxQueuedRequests, int maxQueuedTokens) {
        this(maxBatchSize, maxQueuedRequests, maxQueuedTokens, DEFAULT_ADMISSION_WINDOW);
    }

    public static SchedulerLimits defaults() {
        return new SchedulerLimits(8, 64, 64 * 1024);
    }

    public SchedulerLimits withAdmissionWindow(Duration window) {
        return new SchedulerLimits(maxBatchSize, maxQueuedRequests, maxQueuedTokens, window, prefixCacheBytes);
    }

    public SchedulerLimits withPrefixCacheBytes(long bytes) {
        return new SchedulerLimits(maxBatchSize, maxQueuedRequests, maxQueuedTokens, admissionWindow, bytes);
    }
}
