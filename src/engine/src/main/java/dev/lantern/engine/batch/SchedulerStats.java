package dev.lantern.engine.batch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a scheduler's work, for metrics and for checking that cache rebuilds stay a small share of the
 * decode time. Written by the scheduler thread, read from any thread through {@link #snapshot()}.
 */
public final class SchedulerStats {
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong stepNanos = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong prefills = new AtomicLong();
    private final AtomicLong prefillNanos = new AtomicLong();
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicLong rebuildNanos = new AtomicLong();

    /** Decode steps, prefills and cache rebuilds (joins and departures), with their time in nanoseconds. */
    public record Snapshot(long steps, long stepNanos, long tokens, long prefills, long prefillNanos, long rebuilds,
                           long rebuildNanos) {
        /** Rebuild time as a share of decode-step time. */
        public double rebuildShare() {
            return stepNanos == 0 ? 0 : (double) rebuildNanos / stepNanos;
        }
    }

    void step(long nanos, int rows) {
        steps.incrementAndGet();
        stepNanos.addAndGet(nanos);
        tokens.addAndGet(rows);
    }

    void prefill(long nanos, int rows) {
        prefills.incrementAndGet();
        prefillNanos.addAndGet(nanos);
        tokens.addAndGet(rows);
    }

    void rebuild(long nanos) {
        rebuilds.incrementAndGet();
        rebuildNanos.addAndGet(nanos);
    }

    public Snapshot snapshot() {
        return new Snapshot(steps.get(), stepNanos.get(), tokens.get(), prefills.get(), prefillNanos.get(),
                rebuilds.get(), rebuildNanos.get());
    }
}
