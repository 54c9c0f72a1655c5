package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final int TOKENS = 60;
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2);

    /** Counts writes, and when the first token's event left. */
    private static final class Recorder implements EventSink {
        final List<String> events = new ArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        int writes;
        long firstTokenWrittenAt;
        volatile boolean gone;

        @Override
        public synchronized CompletionStage<?> send(List<String> data) {
            if (gone) {
                return CompletableFuture.failedFuture(new IllegalStateException("the client went away"));
            }
            writes++;
            events.addAll(data);
            if (firstTokenWrittenAt == 0 && data.stream().anyMatch(d -> d.contains("\"t0\""))) {
                firstTokenWrittenAt = System.nanoTime();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> comment(String text) {
            return send(List.of());
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private static final StreamFormat FORMAT = new StreamFormat() {
        @Override
        public Object opening(int choice) {
            return null;
        }

        @Override
        public Object token(int choice, TokenEvent event) {
            return Map.of("text", event.text());
        }

        @Override
        public Object finish(int choice, GenerationResult result) {
            return Map.of("finish", result.finishReason().name());
        }

        @Override
        public Object usage(Usage usage) {
            return null;
        }
    };

    @AfterAll
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    /** Streams 60 tokens arriving 2 ms apart (fewer once cancelled); returns when the first token came. */
    private static long stream(Duration interval, Recorder out, AtomicBoolean cancelled) throws Exception {
        CompletableFuture<GenerationResult> choice = new CompletableFuture<>();
        EventStream stream = new EventStream(out, FORMAT, false,
                e -> ErrorBody.of(e, "req"),
                results -> { }, interval, TIMER);
        ChoiceListener listener = stream.listener();
        stream.start(new Generation(List.of(choice), cancelled, Instant.now().plusSeconds(30), 3));
        long firstTokenAt = System.nanoTime();
        for (int i = 0; i < TOKENS && !cancelled.get(); i++) {
            listener.onToken(0, new TokenEvent("t" + i, i, 0f, List.of()));
            Thread.sleep(2);
        }
        choice.complete(new GenerationResult("", new int[TOKENS], cancelled.get() ? FinishReason.CANCELLED
                : FinishReason.LENGTH, 3, TOKENS, 0, Duration.ZERO, Duration.ZERO, List.of()));
        assertTrue(out.closed.await(5, TimeUnit.SECONDS), "the stream ended");
        return firstTokenAt;
    }

    @Test
    void afterTheFirstEventTokensAreWrittenInGroupsAtMostOncePerInterval() throws Exception {
        stream(Duration.ZERO, new Recorder(), new AtomicBoolean()); // warms JSON-B up
        Recorder each = new Recorder();
        stream(Duration.ZERO, each, new AtomicBoolean());

        Recorder grouped = new Recorder();
        long firstTokenAt = stream(Duration.ofMillis(100), grouped, new AtomicBoolean());
        for (int i = 0; i < TOKENS; i++) {
            assertEquals("{\"text\":\"t" + i + "\"}", grouped.events.get(i), "token " + i + " has its own event");
        }
        assertEquals(List.of("{\"finish\":\"LENGTH\"}", "[DONE]"), grouped.events.subList(TOKENS, TOKENS + 2));
        assertEquals(TOKENS + 2, grouped.events.size(), "tokens, the finish, [DONE]");
        assertTrue(grouped.writes <= 6, "120 ms of tokens in 100 ms groups: " + grouped.writes + " writes");
        assertTrue(grouped.firstTokenWrittenAt - firstTokenAt < Duration.ofMillis(80).toNanos(),
                "the first token is not held back for the interval");
        assertTrue(each.writes > 3 * grouped.writes, "without an interval each token is written as it comes: "
                + each.writes + " writes against " + grouped.writes);
    }

    @Test
    void aClientThatGoesAwayCancelsTheGeneration() throws Exception {
        Recorder vanishing = new Recorder();
        vanishing.gone = true;
        AtomicBoolean cancelled = new AtomicBoolean();
        stream(Duration.ZERO, vanishing, cancelled);
        assertTrue(cancelled.get(), "a failed write cancels the rows");
        assertEquals(0, vanishing.events.size());
    }

    @Test
    void aFailedChoiceEndsTheStreamWithOneErrorEvent() throws Exception {
        Recorder out = new Recorder();
        CompletableFuture<GenerationResult> choice = new CompletableFuture<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        EventStream stream = new EventStream(out, FORMAT, false,
                e -> ErrorBody.of(e, "req"),
                results -> { }, Duration.ZERO, TIMER);
        stream.start(new Generation(List.of(choice), cancelled, Instant.now().plusSeconds(30), 3));
        stream.listener().onToken(0, new TokenEvent("t0", 0, 0f, List.of()));
        choice.completeExceptionally(new LanternException(ErrorCode.INTERNAL_ERROR, "boom"));
        assertTrue(out.closed.await(5, TimeUnit.SECONDS));
        assertEquals(2, out.events.size(), "the token, then the error: " + out.events);
        assertTrue(out.events.get(1).contains("INTERNAL_ERROR"), out.events.get(1));
        assertTrue(cancelled.get());
    }

    @Test
    void outOfRangeIntervalsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GenerationConfig(Duration.ofMinutes(2), 1, "none", "none", Duration.ofMillis(-1), "user"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GenerationConfig(Duration.ofMinutes(2), 1, "none", "none", Duration.ofSeconds(2), "user"));
    }
}
