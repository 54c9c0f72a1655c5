package dev.lantern.engine.batch;

import dev.lantern.engine.EngineException;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.ShutDownException;
import dev.lantern.engine.generation.Sequence;
import dev.lantern.engine.prefix.PrefixCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * Runs all requests of one model as rows of batched model calls, on one or more lanes: each lane is a thread
 * with a batch of its own ({@link SchedulerLane}), and the lanes share one bounded queue
 * ({@link AdmissionQueue}) that splits the waiting requests fairly between them. One lane is classic
 * continuous batching; several lanes let a small model on CPU use each core for a batch of its own, which on
 * the demo model beats one batch whose operators are split over the cores (see {@link LaneLayout}).
 * An idle lane lets a burst gather before its prefill: it admits once no request has arrived for a few
 * milliseconds (the admission window), so that requests sent together are prefilled in one call instead of
 * one request first and the rest after it. The lanes share one prefix cache
 * ({@link SchedulerLimits#prefixCacheBytes()}): a prompt whose start was prefilled before, in its scope
 * ({@link GenerationRequest#prefixScope()}), is prefilled from where the cached prefix ends.
 *
 * <p>Futures complete on lane threads: callers should not block in dependent stages.
 */
public final class BatchScheduler implements AutoCloseable {
    private final LanguageModel model;
    private final AdmissionQueue queue;
    private final List<SchedulerLane> lanes = new ArrayList<>();
    private final List<Thread> laneThreads = new ArrayList<>();
    private final PrefixCache prefixes;
    private final SchedulerStats stats;

    /** Outside a container: plain daemon threads, which never keep a JVM alive. */
    public static final ThreadFactory DAEMON_THREADS = task -> {
        Thread t = new Thread(task);
        t.setDaemon(true);
        return t;
    };

    /** One lane, on a daemon thread of its own. */
    public BatchScheduler(LanguageModel model, SchedulerLimits limits) {
        this(model, limits, 1, DAEMON_THREADS);
    }

    /**
     * {@code laneCount} lanes sharing {@code limits.maxBatchSize()} rows (each at most its ceiling share), each on a
     * thread made by {@code threads} (in a container, its managed thread factory).
     */
    public BatchScheduler(LanguageModel model, SchedulerLimits limits, int laneCount, ThreadFactory threads) {
        if (laneCount < 1 || laneCount > limits.maxBatchSize()) {
            throw new IllegalArgumentException("lanes must be between 1 and the maximum batch size ("
                    + limits.maxBatchSize() + "): " + laneCount);
        }
        this.model = model;
        this.prefixes = model.newPrefixCache(limits.prefixCacheBytes());
        this.queue = new AdmissionQueue(limits, laneCount, prefixes.enabled());
        this.stats = new SchedulerStats(prefixes);
        SchedulerLog log = new SchedulerLog(model.directory().getFileName().toString(), stats, prefixes.enabled());
        String name = "lantern-batch-" + model.directory().getFileName();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new SchedulerLane(model, queue, stats, prefixes, log, laneCount == 1 ? name : name + "-" + i));
        }
        List<SchedulerLane> all = List.copyOf(lanes);
        for (SchedulerLane lane : lanes) {
            laneThreads.add(lane.start(all, threads));
        }
    }

    /**
     * Queues a request.
     *
     * @throws dev.lantern.engine.OverloadedException          when the queue is full (nothing was queued)
     * @throws dev.lantern.engine.TokenLimitExceededException when the prompt does not fit the context
     */
    public CompletableFuture<GenerationResult> submit(GenerationRequest request) {
        Sequence sequence = model.newSequence(ListenerGuard.guard(request));
        PendingRequest pending = new PendingRequest(sequence, new CompletableFuture<>(), System.nanoTime());
        queue.add(pending);
        return pending.future();
    }

    /** Whether prompts continue cached prefixes ({@link SchedulerLimits#prefixCacheBytes()} holds a block at least). */
    public boolean prefixCacheEnabled() {
        return prefixes.enabled();
    }

    public SchedulerStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Stops the lanes; waiting and running requests fail. */
    @Override
    public void close() {
        queue.close();
        for (Thread thread : laneThreads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EngineException shutdown = new ShutDownException("the scheduler was shut down");
        queue.failWaiting(shutdown);
        for (SchedulerLane lane : lanes) {
            lane.failAll(shutdown);
        }
        prefixes.close();
    }
}
