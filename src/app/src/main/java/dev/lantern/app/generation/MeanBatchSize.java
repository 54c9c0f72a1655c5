package dev.lantern.app.generation;

import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.batch.SchedulerStats;

/**
 * The mean number of rows per model call (decode steps and prefills) since the previous read: a gauge that a
 * Prometheus scrape turns into the batch size over its interval, without a hook into every step.
 */
final class MeanBatchSize {

    private final ServedModel model;
    private long calls;
    private long tokens;

    MeanBatchSize(ServedModel model) {
        this.model = model;
    }

    synchronized double sinceLastRead() {
        SchedulerStats.Snapshot now = model.scheduler().stats();
        long newCalls = now.steps() + now.prefills() - calls;
        long newTokens = now.tokens() - tokens;
        calls += newCalls;
        tokens += newTokens;
        return newCalls == 0 ? 0 : (double) newTokens / newCalls;
    }
}
