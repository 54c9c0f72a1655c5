package dev.lantern.app.generation;

import dev.lantern.engine.GenerationResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The choices of one request in flight (n per prompt, in OpenAI's order), sharing one cancellation flag that
 * the scheduler polls between decode steps, and one deadline.
 */
final class Generation {

    private final List<CompletableFuture<GenerationResult>> choices;
    private final AtomicBoolean cancelled;
    private final Instant deadline;
    private final int promptTokens;

    Generation(List<CompletableFuture<GenerationResult>> choices, AtomicBoolean cancelled, Instant deadline,
               int promptTokens) {
        this.choices = List.copyOf(choices);
        this.cancelled = cancelled;
        this.deadline = deadline;
        this.promptTokens = promptTokens;
    }

    List<CompletableFuture<GenerationResult>> choices() {
        return choices;
    }

    Instant deadline() {
        return deadline;
    }

    /** Prompt tokens counted once per prompt (not once per choice), as OpenAI's usage does. */
    int promptTokens() {
        return promptTokens;
    }

    /** Ends every choice at the next decode step (the client went away, or the request failed). */
    void cancel() {
        cancelled.set(true);
    }
}
