package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final int TOKENS = 60;

    /** Counts flushes, and when the first token's event left. */
    private static final class Recorder extends ByteArrayOutputStream {
        int flushes;
        long firstTokenFlushedAt;

        @Override
        public synchronized void flush() {
            flushes++;
            if (firstTokenFlushedAt == 0 && toString(StandardCharsets.UTF_8).contains("\"t0\"")) {
                firstTokenFlushedAt = System.nanoTime();
            }
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

    /** Writes a stream of 60 tokens arriving 2 ms apart; returns the recorder and when the first token came. */
    private static long[] stream(Duration interval, Recorder out) throws Exception {
        CompletableFuture<GenerationResult> choice = new CompletableFuture<>();
        EventStream stream = new EventStream(FORMAT, false, e -> (ErrorBody) null, results -> { }, interval);
        stream.attach(new Generation(null, List.of(choice), new AtomicBoolean(), Instant.now().plusSeconds(30), 3));
        ChoiceListener listener = stream.listener();
        long[] firstTokenAt = new long[1];
        Thread model = new Thread(() -> {
            for (int i = 0; i < TOKENS; i++) {
                if (i == 0) {
                    firstTokenAt[0] = System.nanoTime();
                }
                listener.onToken(0, new TokenEvent("t" + i, i, 0f, List.of()));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
            choice.complete(new GenerationResult("", new int[TOKENS], FinishReason.LENGTH, 3, TOKENS, Duration.ZERO,
                    Duration.ZERO, List.of()));
        });
        model.start();
        stream.write(out);
        model.join();
        return firstTokenAt;
    }

    @Test
    void afterTheFirstEventTokensAreWrittenInGroupsAtMostOncePerInterval() throws Exception {
        stream(Duration.ZERO, new Recorder()); // warms JSON-B up: its first serialisation may take longer than
        // the whole stream, and a writer catching up flushes many tokens at once (10 flushes for 60 once in CI)
        Recorder each = new Recorder();
        stream(Duration.ZERO, each);

        Recorder grouped = new Recorder();
        long firstTokenAt = stream(Duration.ofMillis(100), grouped)[0];
        String written = grouped.toString(StandardCharsets.UTF_8);
        for (int i = 0; i < TOKENS; i++) {
            assertTrue(written.contains("data: {\"text\":\"t" + i + "\"}"), "token " + i + " has its own event");
        }
        assertEquals(TOKENS + 2, written.split("data: ", -1).length - 1, "tokens, the finish, [DONE]");
        assertTrue(grouped.flushes <= 6, "120 ms of tokens in 100 ms groups: " + grouped.flushes + " flushes");
        assertTrue(grouped.firstTokenFlushedAt - firstTokenAt < Duration.ofMillis(80).toNanos(),
                "the first token is not held back for the interval");
        assertTrue(each.flushes > 3 * grouped.flushes, "without an interval each token is flushed as it comes: "
                + each.flushes + " flushes against " + grouped.flushes);
    }

    @Test
    void outOfRangeIntervalsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GenerationConfig(Duration.ofMinutes(2), 1, "none", "none", Duration.ofMillis(-1)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GenerationConfig(Duration.ofMinutes(2), 1, "none", "none", Duration.ofSeconds(2)));
    }
}
