package dev.lantern.engine.batch;

import dev.lantern.engine.OverloadedException;
import dev.lantern.engine.ShutDownException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue in front of a scheduler's lanes. It refuses work at once when full, lets a burst gather
 * before an idle lane admits it (the admission window), and gives each lane its fair share of what waits, so
 * that a burst of eight is split four and four over two lanes and a newcomer joins the least busy lane.
 */
final class AdmissionQueue {
    private final SchedulerLimits limits;
    private final int lanes;
    private final int laneRows; // rows one lane runs at most: the maximum batch size shared out over the lanes
    private final ArrayDeque<PendingRequest> queue = new ArrayDeque<>();
    private final boolean keepCopiesTogether;
    private int queuedTokens;
    private boolean closed;

    /**
     * @param keepCopiesTogether a lane that takes a request also takes the copies of its prompt right behind it
     *                           (the choices of one request with {@code n} &gt; 1), beyond its share while it has
     *                           room, so that the prefix cache prefills that prompt once instead of once per lane
     */
    AdmissionQueue(SchedulerLimits limits, int lanes, boolean keepCopiesTogether) {
        this.limits = limits;
        this.lanes = lanes;
        this.keepCopiesTogether = keepCopiesTogether;
        this.laneRows = (limits.maxBatchSize() + lanes - 1) / lanes;
    }

    /**
     * @throws OverloadedException when the queue is full (nothing was queued)
     */
    void add(PendingRequest pending) {
        int tokens = pending.sequence().promptIds().length;
        synchronized (queue) {
            if (closed) {
                throw new ShutDownException("the scheduler is shut down");
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
    }

    /**
     * The waiting requests a lane takes now: blocks while the lane is idle and nothing waits; an idle lane first
     * lets a burst gather. A lane takes its fair share of all requests, running and waiting, over the lanes,
     * within its room; null once closed.
     *
     * @param all the lanes of the scheduler, {@code lane} included: their loads decide the shares
     */
    List<PendingRequest> take(SchedulerLane lane, List<SchedulerLane> all) {
        synchronized (queue) {
            while (queue.isEmpty() && lane.idle() && !closed) {
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
            if (lane.idle()) {
                awaitBurst(all);
            }
            if (closed) {
                return null;
            }
            int total = queue.size() + load(all);
            int own = lane.load();
            int share = Math.min((total + lanes - 1) / lanes, laneRows) - own;
            List<PendingRequest> out = new ArrayList<>();
            while (!queue.isEmpty() && (out.size() < share
                    || keepCopiesTogether && out.size() < laneRows - own && copiesLast(out, queue.peek()))) {
                PendingRequest next = queue.poll();
                queuedTokens -= next.sequence().promptIds().length;
                out.add(next);
            }
            lane.took(out.size());
            return out;
        }
    }

    /**
     * When idle, lets a burst gather: waits until no request has arrived for the admission window, the waiting
     * and running requests of all lanes fill the maximum batch, or that many windows have passed since the
     * first arrival, so that requests sent together are prefilled together (on two lanes: four and four).
     * Called holding the queue's lock.
     */
    private void awaitBurst(List<SchedulerLane> all) {
        long window = limits.admissionWindow().toNanos();
        if (window == 0 || queue.isEmpty()) {
            return;
        }
        long latest = queue.peek().queuedAt() + window * limits.maxBatchSize();
        while (!closed && !queue.isEmpty() && queue.size() + load(all) < limits.maxBatchSize()) {
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

    /** Whether {@code next} has the same prompt (the same array, as the choices of one request) and scope as the last taken. */
    private static boolean copiesLast(List<PendingRequest> taken, PendingRequest next) {
        if (taken.isEmpty()) {
            return false;
        }
        var last = taken.get(taken.size() - 1).sequence().request();
        var request = next.sequence().request();
        return request.promptIds() == last.promptIds() && request.prefixScope().equals(last.prefixScope());
    }

    private static int load(List<SchedulerLane> lanes) {
        int load = 0;
        for (SchedulerLane lane : lanes) {
            load += lane.load();
        }
        return load;
    }

    /** Wakes the lanes to stop; later {@link #add} calls fail. */
    void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
    }

    /** Fails whatever still waits. */
    void failWaiting(Throwable failure) {
        synchronized (queue) {
            queue.forEach(p -> p.future().completeExceptionally(failure));
            queue.clear();
            queuedTokens = 0;
        }
    }
}
