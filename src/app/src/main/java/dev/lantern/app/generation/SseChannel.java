package dev.lantern.app.generation;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An event stream on the client's connection through JAX-RS's {@link SseEventSink}: the container writes each
 * event on the calling thread and never holds a request thread between events.
 */
final class SseChannel implements EventSink {

    private final SseEventSink sink;
    private final Sse sse;

    SseChannel(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public CompletionStage<?> send(List<String> data) {
        CompletionStage<?> last = CompletableFuture.completedFuture(null);
        for (String item : data) {
            last = write(() -> sink.send(sse.newEvent(item)));
            if (last.toCompletableFuture().isCompletedExceptionally()) {
                return last;
            }
        }
        return last;
    }

    @Override
    public CompletionStage<?> comment(String text) {
        return write(() -> sink.send(sse.newEventBuilder().comment(text).build()));
    }

    @Override
    public void close() {
        sink.close();
    }

    /** A closed sink throws instead of failing the stage: both mean the client has gone. */
    private static CompletionStage<?> write(java.util.function.Supplier<CompletionStage<?>> send) {
        try {
            return send.get();
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
