package dev.lantern.engine;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One generation: the prompt as token ids, the caller's settings, where tokens go, and when to give up.
 *
 * @param cancelled polled between decode steps; true ends the sequence with {@link FinishReason#CANCELLED}
 * @param deadline  null for none; when passed, the sequence ends with {@link FinishReason#TIMEOUT}
 */
public record GenerationRequest(int[] promptIds, GenerationSettings settings, TokenListener listener,
                                BooleanSupplier cancelled, Instant deadline) {

    public GenerationRequest {
        settings = settings == null ? GenerationSettings.defaults() : settings;
        listener = listener == null ? TokenListener.NONE : listener;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public static GenerationRequest of(int[] promptIds, GenerationSettings settings) {
        return new GenerationRequest(promptIds, settings, null, null, null);
    }
}
