package dev.lantern.engine.batch;

import dev.lantern.engine.EngineException;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.OverloadedException;
import dev.lantern.engine.generation.BeamSearch;
import dev.lantern.engine.generation.DecodeBatch;
import dev.lantern.engine.generation.Sequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs all requests of one model on one thread, as rows of one batch. Between decode steps, waiting requests
 * are prefilled together and merged into the running batch; a step where rows join rebuilds the cache once,
 * every other step feeds {@code present.*} straight back. A finished request is answered at once, but its row
 * stays in the batch, fed padding, until the decode time spent on such rows reaches the cost of the last
 * rebuild (or a join rebuilds anyway, or no live row is left): requests that end a few steps apart then
 * leave in one rebuild instead of one each, and dropping late never costs more than twice dropping at once.
 * An idle scheduler lets a burst gather before its prefill: it admits once no request has arrived for a few
 * milliseconds (the admission window), so that requests sent together are prefilled in one call instead of
 * one request first and the rest after it.
 * A beam-search request runs on this thread as its own small batch (its beams are its rows, reordered every
 * step): one step of it follows each step of the main batch, so both go on, each a little slower.
 *
 * <p>Futures complete on the scheduler thread: callers should not block in dependent stages.
 */
public final class BatchScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());
    private final LanguageModel model;
    private final SchedulerLimits limits;
    private final ArrayDeque<PendingRequest> queue = new ArrayDeque<>();
    private final List<PendingRequest> running = new ArrayList<>();
    private final List<BeamJob> beams = new ArrayList<>();
    private final Thread thread;
    private final SchedulerStats stats = new SchedulerStats();
    private int queuedTokens;
    private boolean closed;
    private DecodeBatch batch;
    private long deadRowNanos;     // decode time spent on finished rows since the last rebuild
    private long rebuildCostNanos; // what the last rebuild took

    public BatchScheduler(LanguageModel model, SchedulerLimits limits) {
        this.model = model;
        this.limits = limits;
        this.thread = new Thread(this::loop, "lantern-batch-" + model.directory().getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a request.
     *
     * @throws OverloadedException                       when the queue is full (nothing was queued)
     * @throws dev.lantern.engine.TokenLimitExceededException when the prompt does not fit the context
     */
    public CompletableFuture<GenerationResult> submit(GenerationRequest request) {
        Sequence sequence = model.newSequence(ListenerGuard.guard(request));
        PendingRequest pending = new PendingRequest(sequence, new CompletableFuture<>(), System.nanoTime());
        int tokens = request.promptIds().length;
        synchronized (queue) {
            if (closed) {
                throw new EngineException("the scheduler is shut down");
            }
            if (queue.size() >= limits.maxQueuedRequests()) {
                throw new OverloadedException("too many waiting requests (" + queue.size() + ")");
            }
            if (queuedTokens + tokens > limits.maxQueuedTokens()) {
                throw new OverloadedException("too many waiting prompt tokens (" + queuedTokens + " + " + tokens + ")");
            }
            queue.add(pending);
            queuedTokens += tokens;
            queue.notifyAll();
        }
        return pending.future();
    }

    private void loop() {
        while (true) {
            List<PendingRequest> joining = take();
            if (joining == null) {
                return;
            }
            try {
                completeFinished();
                DecodeBatch joined = admit(joining);
                regroup(joined);
                if (batch != null) {
                    step();
                }
                stepBeams();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "batch failed; its requests end with finish reason error", e);
                failRunning(e);
            }
        }
    }

    /** Waiting requests that fit; blocks while there is nothing to do; null once closed. */
    private List<PendingRequest> take() {
        synchronized (queue) {
            while (queue.isEmpty() && idle() && !closed) {
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
            if (idle()) {
                awaitBurst();
            }
            if (closed) {
                return null;
            }
            List<PendingRequest> out = new ArrayList<>();
            while (!queue.isEmpty() && running.size() + beams.size() + out.size() < limits.maxBatchSize()) {
                PendingRequest next = queue.poll();
                queuedTokens -= next.sequence().promptIds().length;
                out.add(next);
            }
            return out;
        }
    }

    /**
     * When idle, lets a burst gather: waits until no request has arrived for the admission window, the batch
     * is full, or {@code maxBatchSize} windows have passed since the first arrival, so that requests sent
     * together are prefilled together. Called holding the queue's lock.
     */
    private void awaitBurst() {
        long window = limits.admissionWindow().toNanos();
        if (window == 0 || queue.isEmpty()) {
            return;
        }
        long latest = queue.peek().queuedAt() + window * limits.maxBatchSize();
        while (!closed && queue.size() < limits.maxBatchSize()) {
            long left = Math.min(latest, queue.peekLast().queuedAt() + window) - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(queue, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /** Prefills the joining requests together and picks their first tokens; null when none joins. */
    private DecodeBatch admit(List<PendingRequest> joining) {
        List<PendingRequest> decoding = new ArrayList<>();
        for (PendingRequest p : joining) {
            if (p.sequence().checkInterrupted()) {
                p.complete();
            } else if (p.sequence().params().numBeams() > 1) {
                startBeamSearch(p);
            } else {
                decoding.add(p);
            }
        }
        if (decoding.isEmpty()) {
            return null;
        }
        running.addAll(decoding);
        long start = System.nanoTime();
        DecodeBatch joined = DecodeBatch.prefill(model.decoder(), model.config().padTokenId(),
                decoding.stream().map(PendingRequest::sequence).toList());
        for (int r = 0; r < decoding.size(); r++) {
            joined.rows().get(r).accept(joined.logits(r));
        }
        stats.prefill(System.nanoTime() - start, decoding.size());
        return joined;
    }

    /** Prefills a beam search; if that fails, only its own request fails. */
    private void startBeamSearch(PendingRequest p) {
        try {
            beams.add(new BeamJob(p, model.startBeamSearch(p.sequence())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "beam search failed; its request ends with finish reason error", e);
            p.fail(e);
        }
    }

    /** No request is running: neither a row of the batch nor a beam search. */
    private boolean idle() {
        return running.isEmpty() && beams.isEmpty();
    }

    /** One step of each beam search; an ended one answers its request. A failing one fails alone. */
    private void stepBeams() {
        for (var it = beams.iterator(); it.hasNext(); ) {
            BeamJob job = it.next();
            try {
                if (job.run().step()) {
                    continue;
                }
                job.request().future().complete(model.beamResult(job.request().sequence(), job.run().outcome()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "beam search failed; its request ends with finish reason error", e);
                job.request().fail(e);
            }
            job.run().close();
            it.remove();
        }
    }

    /** One cache rebuild for all membership changes of this step: rows that joined and, when due, finished rows. */
    private void regroup(DecodeBatch joined) {
        if (batch == null) {
            batch = joined;
            if (batch != null && batch.allFinished()) {
                completeFinished();
                batch.close();
                batch = null;
            }
            return;
        }
        if (joined == null && !finishedRowsDue()) {
            return;
        }
        long start = System.nanoTime();
        if (batch.regroup(joined)) {
            rebuildCostNanos = System.nanoTime() - start;
            stats.rebuild(rebuildCostNanos);
        } else {
            batch = null;
        }
        deadRowNanos = 0;
        completeFinished();
    }

    /**
     * Whether the finished rows should leave now: all rows finished, they cost as much as a rebuild, or one
     * of them would next be fed a position past the model's context (which the model was never trained on).
     */
    private boolean finishedRowsDue() {
        int finished = batch.finishedRows();
        return finished > 0 && (finished == batch.rows().size() || deadRowNanos >= rebuildCostNanos
                || batch.longestFinishedRow() + 1 >= model.config().contextLength());
    }

    private void step() {
        for (Sequence s : batch.rows()) {
            s.checkInterrupted();
        }
        if (batch.allFinished()) {
            return; // regrouped away on the next turn of the loop
        }
        long start = System.nanoTime();
        batch.step();
        List<Sequence> rows = batch.rows();
        int accepted = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).finished()) {
                rows.get(r).accept(batch.logits(r));
                accepted++;
            }
        }
        long elapsed = System.nanoTime() - start;
        stats.step(elapsed, accepted);
        deadRowNanos += elapsed * (rows.size() - accepted) / rows.size();
    }

    /** Completes the futures of finished requests (their rows may stay in the batch a while). */
    private void completeFinished() {
        for (PendingRequest p : running) {
            if (p.sequence().finished()) {
                p.complete();
            }
        }
        running.removeIf(p -> p.sequence().finished());
    }

    private void failRunning(RuntimeException e) {
        for (PendingRequest p : running) {
            p.fail(e);
        }
        running.clear();
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }

    private void failBeams(RuntimeException e) {
        for (BeamJob job : beams) {
            job.request().fail(e);
            job.run().close();
        }
        beams.clear();
    }

    /** A beam-search request and its search in progress. */
    private record BeamJob(PendingRequest request, BeamSearch.Run run) {
    }

    public SchedulerStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Stops the thread; waiting and running requests fail. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EngineException shutdown = new EngineException("the scheduler was shut down");
        synchronized (queue) {
            queue.forEach(p -> p.future().completeExceptionally(shutdown));
            queue.clear();
        }
        failRunning(shutdown);
        failBeams(shutdown);
    }
}
