package dev.lantern.engine.batch;

import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.generation.Sequence;
import java.util.concurrent.CompletableFuture;

/** A sequence, the future its caller waits on, and when it was queued ({@link System#nanoTime()}). */
record PendingRequest(Sequence sequence, CompletableFuture<GenerationResult> future, long queuedAt) {
    void complete() {
        future.complete(sequence.result());
    }

    /** Ends the request with finish reason error; its caller gets {@code failure}. */
    void fail(Throwable failure) {
        sequence.finish(FinishReason.ERROR);
        future.completeExceptionally(failure);
    }
}
