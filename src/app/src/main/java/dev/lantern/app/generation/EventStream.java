package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A generation as server-sent events ({@code data: {chunk}} … {@code data: [DONE]}). The scheduler thread only
 * puts tokens into a queue; the request thread writes them, so a slow client never slows the batch. A failed
 * write means the client went away: the generation is cancelled. After its first event a stream is written at
 * most once per flush interval, with whatever tokens came meanwhile: with the model's lanes keeping the cores
 * busy, a write and a wake-up per token per stream cost the batch a tenth of its throughput, while a client
 * cannot tell 20 ms from one token's time. While nothing is written, a comment line
 * every two seconds finds a vanished client too. A failure ends the stream with one {@code data:} event holding
 * the catalogue's error body (and no {@code [DONE]}).
 */
final class EventStream implements StreamingOutput {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final long KEEP_ALIVE_MILLIS = 2000;
    private static final Duration OVERRUN = Duration.ofSeconds(1);

    private sealed interface Item permits Token, Done {
    }

    private record Token(int choice, TokenEvent event) implements Item {
    }

    private record Done(int choice, GenerationResult result, Throwable failure) implements Item {
    }

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final StreamFormat format;
    private final boolean includeUsage;
    private final Function<LanternException, ErrorBody> errors;
    private final Consumer<List<GenerationResult>> onSuccess;
    private final long flushIntervalMillis;
    private Generation generation;

    /**
     * @param errors    records an error and gives its body (ErrorResponses.record plus ErrorBody.of)
     * @param onSuccess receives every choice's result once all ended well (e.g. to cache them)
     * @param flushInterval the least time between two writes (zero: every token as it comes)
     */
    EventStream(StreamFormat format, boolean includeUsage, Function<LanternException, ErrorBody> errors,
                Consumer<List<GenerationResult>> onSuccess, Duration flushInterval) {
        this.format = format;
        this.includeUsage = includeUsage;
        this.errors = errors;
        this.onSuccess = onSuccess;
        this.flushIntervalMillis = flushInterval.toMillis();
    }

    ChoiceListener listener() {
        return (choice, event) -> queue.add(new Token(choice, event));
    }

    EventStream attach(Generation started) {
        generation = started;
        for (int i = 0; i < started.choices().size(); i++) {
            int choice = i;
            started.choices().get(i).whenComplete((result, failure) -> queue.add(new Done(choice, result, failure)));
        }
        return this;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try {
            stream(out);
        } catch (IOException e) {
            generation.cancel(); // the client went away
        } catch (InterruptedException e) {
            generation.cancel();
            Thread.currentThread().interrupt();
        }
    }

    private void stream(OutputStream out) throws IOException, InterruptedException {
        int open = generation.choices().size();
        for (int c = 0; c < open; c++) {
            send(out, format.opening(c));
        }
        out.flush();
        List<GenerationResult> results = new ArrayList<>();
        GenerationResult[] byChoice = new GenerationResult[open];
        Instant giveUp = generation.deadline().plus(OVERRUN);
        List<Item> pending = new ArrayList<>();
        while (open > 0) {
            if (Instant.now().isAfter(giveUp)) {
                fail(out, GenerationService.timeout()); // still queued behind a full batch at its deadline
                return;
            }
            Item first = queue.poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                continue;
            }
            pending.add(first);
            queue.drainTo(pending); // whatever else arrived meanwhile goes out in the same flush
            for (Item item : pending) {
                if (item instanceof Token token) {
                    send(out, format.token(token.choice(), token.event()));
                } else if (item instanceof Done done) {
                    LanternException error = failure(done);
                    if (error != null) {
                        fail(out, error);
                        return;
                    }
                    send(out, format.finish(done.choice(), done.result()));
                    results.add(done.result());
                    byChoice[done.choice()] = done.result();
                    open--;
                }
            }
            pending.clear();
            out.flush();
            if (open > 0 && flushIntervalMillis > 0) {
                Thread.sleep(flushIntervalMillis); // tokens gather in the queue without waking this thread
            }
        }
        onSuccess.accept(Arrays.asList(byChoice));
        if (includeUsage) {
            send(out, format.usage(Usage.of(generation.promptTokens(), results)));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
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

    private void fail(OutputStream out, LanternException error) throws IOException {
        generation.cancel();
        send(out, errors.apply(error));
        out.flush();
    }

    private static void send(OutputStream out, Object event) throws IOException {
        if (event != null) {
            out.write(("data: " + JSON.toJson(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
