package dev.lantern.engine.batch;

import dev.lantern.engine.prefix.PrefixCache;
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
    private final PrefixCache prefixes;

    SchedulerStats(PrefixCache prefixes) {
        this.prefixes = prefixes;
    }

    /**
     * Decode steps, prefills and cache rebuilds (joins and departures), with their time in nanoseconds; the prefix
     * cache's prompt tokens looked up and found (both 0 while it is off) and the bytes it holds.
     */
    public record Snapshot(long steps, long stepNanos, long tokens, long prefills, long prefillNanos, long rebuilds,
                           long rebuildNanos, long prefixQueriedTokens, long prefixHitTokens, long prefixBytes) {
        /** Rebuild time as a share of decode-step time. */
        public double rebuildShare() {
            return stepNanos == 0 ? 0 : (double) rebuildNanos / stepNanos;
        }

        /** Prompt tokens taken from the prefix cache as a share of those looked up (0 before any). */
        public double prefixHitRate() {
            return prefixQueriedTokens == 0 ? 0 : (double) prefixHitTokens / prefixQueriedTokens;
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
                rebuilds.get(), rebuildNanos.get(), prefixes.queriedTokens(), prefixes.hitTokens(),
                prefixes.usedBytes());
    }
}
