package dev.lantern.engine.batch;

import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.generation.Sequence;
import java.util.concurrent.CompletableFuture;

/** A sequence and the future its caller waits on. */
record PendingRequest(Sequence sequence, CompletableFuture<GenerationResult> future) {
    void complete() {
        future.complete(sequence.result());
    }
}
