package dev.lantern.engine;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One generation: the prompt as token ids, the caller's settings, where tokens go, and when to give up.
 *
 * @param cancelled polled between decode steps; true ends the sequence with {@link FinishReason#CANCELLED}
 * @param deadline  null for none; when passed, the sequence ends with {@link FinishReason#TIMEOUT}
 * @param prefixScope prompts share cached prefixes only with prompts of the same scope (the application puts
 *                    the user and the chat template there); null is the one scope {@code ""}
 */
public record GenerationRequest(int[] promptIds, GenerationSettings settings, TokenListener listener,
                                BooleanSupplier cancelled, Instant deadline, String prefixScope) {

    public GenerationRequest {
        prefixScope = prefixScope == null ? "" : prefixScope;
        settings = settings == null ? GenerationSettings.defaults() : settings;
        listener = listener == null ? TokenListener.NONE : listener;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** A request in the shared prefix scope. */
    public GenerationRequest(int[] promptIds, GenerationSettings settings, TokenListener listener,
                             BooleanSupplier cancelled, Instant deadline) {
        this(promptIds, settings, listener, cancelled, deadline, null);
    }

    /** The same request in another prefix scope. */
    public GenerationRequest inPrefixScope(String scope) {
        return new GenerationRequest(promptIds, settings, listener, cancelled, deadline, scope);
    }

    public static GenerationRequest of(int[] promptIds, GenerationSettings settings) {
        return new GenerationRequest(promptIds, settings, null, null, null);
    }
}
