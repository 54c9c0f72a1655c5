package dev.lantern.engine.batch;

import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.generation.BeamSearch;
import dev.lantern.engine.generation.DecodeBatch;
import dev.lantern.engine.generation.Sequence;
import dev.lantern.engine.prefix.PrefixCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread of a {@link BatchScheduler}, running its requests as rows of one batch: between decode steps it
 * takes its share of the waiting requests, prefills them together and merges them into its batch; a step
 * where rows join rebuilds the cache once, every other step feeds {@code present.*} straight back. A finished
 * request is answered at once, but its row stays in the batch, fed padding, until the decode time spent on
 * such rows reaches the cost of the last rebuild (or a join rebuilds anyway, or no live row is left): requests
 * that end a few steps apart then leave in one rebuild instead of one each, and dropping late never costs more
 * than twice dropping at once.
 * A joining prompt continues its longest prefix in the model's prefix cache, shared with the other lanes.
 * A beam-search request runs on this thread as its own small batch (its beams are its rows, reordered every
 * step): one step of it follows each step of the main batch, so both go on, each a little slower.
 */
final class SchedulerLane {
    private static final Logger LOG = Logger.getLogger(SchedulerLane.class.getName());
    private final LanguageModel model;
    private final AdmissionQueue queue;
    private final SchedulerStats stats;
    private final PrefixCache prefixes;
    private final SchedulerLog log;
    private final List<PendingRequest> running = new ArrayList<>();
    private final List<BeamJob> beams = new ArrayList<>();
    private final String name;
    private volatile int load;     // requests taken and not yet answered, for the lanes' fair shares
    private DecodeBatch batch;
    private long deadRowNanos;     // decode time spent on finished rows since the last rebuild
    private long rebuildCostNanos; // what the last rebuild took

    SchedulerLane(LanguageModel model, AdmissionQueue queue, SchedulerStats stats, PrefixCache prefixes,
                  SchedulerLog log, String name) {
        this.model = model;
        this.queue = queue;
        this.stats = stats;
        this.prefixes = prefixes;
        this.log = log;
        this.name = name;
    }

    /** Starts the thread; {@code lanes} are all lanes of the scheduler, this one included. */
    Thread start(List<SchedulerLane> lanes, ThreadFactory threads) {
        Thread t = threads.newThread(() -> loop(lanes));
        t.setName(name);
        t.setUncaughtExceptionHandler((thread, e) -> LOG.log(Level.SEVERE, name + " stopped", e));
        t.start();
        return t;
    }

    /** Requests this lane has taken and not answered yet. */
    int load() {
        return load;
    }

    /** Counts requests just taken from the queue (lane thread, holding the queue's lock). */
    void took(int requests) {
        load += requests;
    }

    /** No request is running: neither a row of the batch nor a beam search. Lane thread only. */
    boolean idle() {
        return running.isEmpty() && beams.isEmpty();
    }

    private void loop(List<SchedulerLane> lanes) {
        while (true) {
            List<PendingRequest> joining = queue.take(this, lanes);
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
            load = running.size() + beams.size();
            log.tick();
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
                decoding.stream().map(PendingRequest::sequence).toList(), prefixes);
        joined.pick();
        stats.prefill(System.nanoTime() - start, decoding.size());
        return joined;
    }

    /** Prefills a beam search; if that fails, only its own request fails. */
    private void startBeamSearch(PendingRequest p) {
        try {
            beams.add(new BeamJob(p, model.startBeamSearch(p.sequence(), prefixes)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "beam search failed; its request ends with finish reason error", e);
            p.fail(e);
        }
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
        int picked = batch.decode();
        long elapsed = System.nanoTime() - start;
        stats.step(elapsed, picked);
        deadRowNanos += elapsed * (batch.rows().size() - picked) / batch.rows().size();
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

    /** Fails what this lane still runs; call once its thread has ended. */
    void failAll(RuntimeException e) {
        failRunning(e);
        for (BeamJob job : beams) {
            job.request().fail(e);
            job.run().close();
        }
        beams.clear();
        load = 0;
    }

    /** A beam-search request and its search in progress. */
    private record BeamJob(PendingRequest request, BeamSearch.Run run) {
    }
}
