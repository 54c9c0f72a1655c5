package dev.lantern.engine.batch;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * The scheduler's periodic log line (as vLLM's): at most once per period, and only after work, whichever lane
 * gets there first writes what the model did since the last line —  tokens per second, decode steps,
 * prefills, and the prefix cache's hit rate in prompt tokens.
 */
final class SchedulerLog {
    private static final Logger LOG = Logger.getLogger(SchedulerLog.class.getName());
    private static final long PERIOD_NANOS = 10_000_000_000L;
    private final String model;
    private final SchedulerStats stats;
    private final boolean prefixCacheOn;
    private long lastNanos = System.nanoTime();
    private SchedulerStats.Snapshot last;

    SchedulerLog(String model, SchedulerStats stats, boolean prefixCacheOn) {
        this.model = model;
        this.stats = stats;
        this.prefixCacheOn = prefixCacheOn;
        this.last = stats.snapshot();
    }

    /** Called by a lane after each turn of its loop; writes the line when a period has passed. */
    void tick() {
        long now = System.nanoTime();
        if (now - lastNanos < PERIOD_NANOS) { // racy read: at worst a lane takes the lock for nothing
            return;
        }
        String line;
        synchronized (this) {
            if (now - lastNanos < PERIOD_NANOS) {
                return;
            }
            SchedulerStats.Snapshot current = stats.snapshot();
            line = current.tokens() == last.tokens() ? null : line(current, (now - lastNanos) / 1e9);
            lastNanos = now;
            last = current;
        }
        if (line != null) {
            LOG.info(line);
        }
    }

    private String line(SchedulerStats.Snapshot now, double seconds) {
        long queried = now.prefixQueriedTokens() - last.prefixQueriedTokens();
        long hits = now.prefixHitTokens() - last.prefixHitTokens();
        String prefix = !prefixCacheOn ? "prefix cache off"
                : String.format(Locale.ROOT, "prefix cache hit rate %.1f%% (%d of %d prompt tokens; %.1f MB held)",
                queried == 0 ? 0 : 100.0 * hits / queried, hits, queried, now.prefixBytes() / 1e6);
        return String.format(Locale.ROOT, "Scheduler %s: %.1f tokens/s, %d decode steps, %d prefills, %s", model,
                (now.tokens() - last.tokens()) / seconds, now.steps() - last.steps(), now.prefills() - last.prefills(),
                prefix);
    }
}
