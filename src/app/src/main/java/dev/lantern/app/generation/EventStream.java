package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A generation as server-sent events ({@code data: {chunk}} … {@code data: [DONE]}), written without a thread of
 * its own. The scheduler's thread only queues tokens and asks for a write; writes run as tasks on the managed
 * scheduler, one at a time per stream, so a slow client never slows the batch. After its first event a stream
 * is written at most once per flush interval, with whatever tokens came meanwhile: with the model's lanes
 * keeping the cores busy, a write and a wake-up per token per stream cost the batch a tenth of its throughput,
 * while a client cannot tell 20 ms from one token's time. While nothing is written, a comment every two seconds
 * finds a vanished client; a failed write means the client went away and cancels the generation. A failure
 * ends the stream with one {@code data:} event holding the catalogue's error body (and no {@code [DONE]}).
 */
final class EventStream {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Duration OVERRUN = Duration.ofSeconds(1);

    private sealed interface Item permits Token, Done {
    }

    private record Token(int choice, TokenEvent event) implements Item {
    }

    private record Done(int choice, GenerationResult result, Throwable failure) implements Item {
    }

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final EventSink sink;
    private final StreamFormat format;
    private final boolean includeUsage;
    private final Function<LanternException, ErrorBody> errors;
    private final Consumer<List<GenerationResult>> onSuccess;
    private final long flushIntervalNanos;
    private final ScheduledExecutorService timer;
    // written under this object's lock, by one task at a time
    private Generation generation;
    private GenerationResult[] byChoice;
    private int open;
    private boolean ended;
    private long lastWriteNanos;
    private volatile long nextWriteNanos;
    private ScheduledFuture<?> keepAlive;

    /**
     * @param errors        records an error and gives its body (ErrorResponses.record plus ErrorBody.of)
     * @param onSuccess     receives every choice's result once all ended well (e.g. to cache them)
     * @param flushInterval the least time between two writes (zero: every token as it comes)
     * @param timer         runs the writes (in the server, the managed scheduled executor)
     */
    EventStream(EventSink sink, StreamFormat format, boolean includeUsage, Function<LanternException, ErrorBody> errors,
                Consumer<List<GenerationResult>> onSuccess, Duration flushInterval, ScheduledExecutorService timer) {
        this.sink = sink;
        this.format = format;
        this.includeUsage = includeUsage;
        this.errors = errors;
        this.onSuccess = onSuccess;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.timer = timer;
    }

    /** Receives the tokens, on the scheduler's thread: queue them and return. */
    ChoiceListener listener() {
        return (choice, event) -> {
            queue.add(new Token(choice, event));
            scheduleWrite();
        };
    }

    /** Sends the opening events at once and follows the generation to its end. */
    synchronized void start(Generation started) {
        generation = started;
        open = started.choices().size();
        byChoice = new GenerationResult[open];
        lastWriteNanos = System.nanoTime();
        List<String> openings = new ArrayList<>();
        for (int c = 0; c < open; c++) {
            add(openings, format.opening(c));
        }
        write(openings);
        for (int i = 0; i < started.choices().size(); i++) {
            int choice = i;
            started.choices().get(i).whenComplete((result, failure) -> {
                queue.add(new Done(choice, result, failure));
                scheduleWrite();
            });
        }
        keepAlive = timer.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_NANOS, KEEP_ALIVE_NANOS,
                TimeUnit.NANOSECONDS);
        scheduleWrite();
    }

    /** One write task at a time: the next one waits for the flush interval after the last write. */
    private void scheduleWrite() {
        if (!writeScheduled.getAndSet(true)) {
            long delay = Math.max(0, nextWriteNanos - System.nanoTime());
            timer.schedule(this::writeQueued, delay, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void writeQueued() {
        writeScheduled.set(false); // what arrives from here on asks for the next write
        if (ended || generation == null) {
            return; // tokens that came before start() wait for it
        }
        List<String> events = new ArrayList<>();
        for (Item item = queue.poll(); item != null; item = queue.poll()) {
            if (item instanceof Token token) {
                add(events, format.token(token.choice(), token.event()));
            } else if (item instanceof Done done) {
                LanternException error = failure(done);
                if (error != null) {
                    write(events);
                    fail(error);
                    return;
                }
                add(events, format.finish(done.choice(), done.result()));
                byChoice[done.choice()] = done.result();
                open--;
            }
        }
        if (open == 0) {
            List<GenerationResult> results = Arrays.asList(byChoice);
            if (includeUsage) {
                add(events, format.usage(Usage.of(generation.promptTokens(), results)));
            }
            events.add("[DONE]");
            write(events);
            end();
            onSuccess.accept(results);
            return;
        }
        if (!events.isEmpty()) {
            write(events);
            nextWriteNanos = System.nanoTime() + flushIntervalNanos;
        }
    }

    /** Every two seconds: a comment when nothing was written meanwhile, and the end of a stream past its deadline. */
    private synchronized void keepAlive() {
        if (ended) {
            return;
        }
        if (Instant.now().isAfter(generation.deadline().plus(OVERRUN))) {
            fail(GenerationService.timeout()); // still queued behind a full batch at its deadline
        } else if (System.nanoTime() - lastWriteNanos >= KEEP_ALIVE_NANOS) {
            lastWriteNanos = System.nanoTime();
            watch(sink.comment("keep-alive"));
        }
    }

    private void write(List<String> events) {
        if (!events.isEmpty() && !ended) {
            lastWriteNanos = System.nanoTime();
            watch(sink.send(events));
        }
    }

    /** A write that fails means the client went away: its rows end at the next decode step. */
    private void watch(CompletionStage<?> written) {
        written.whenComplete((done, failure) -> {
            if (failure != null) {
                clientGone();
            }
        });
    }

    private synchronized void clientGone() {
        generation.cancel();
        end();
    }

    private void fail(LanternException error) {
        generation.cancel();
        write(List.of(JSON.toJson(errors.apply(error))));
        end();
    }

    private void end() {
        if (!ended) {
            ended = true;
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            sink.close();
        }
    }

    private static void add(List<String> events, Object event) {
        if (event != null) {
            events.add(JSON.toJson(event));
        }
    }

    private static LanternException failure(Done done) {
        if (done.failure() != null) {
            return new LanternException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(),
                    done.failure());
        }
        FinishReason reason = done.result().finishReason();
        if (reason == FinishReason.TIMEOUT) {
            return GenerationService.timeout();
        }
        return reason == FinishReason.CANCELLED || reason == FinishReason.ERROR
                ? new LanternException(ErrorCode.SERVICE_UNAVAILABLE, "The generation was cancelled.") : null;
    }
}
