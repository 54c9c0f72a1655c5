package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.RagOptions;

/**
 * What the OpenAI routes' requests ({@link ChatCompletionRequest}, {@link CompletionRequest}) carry beyond the
 * sampling fields: {@code stream}, {@code stream_options} and {@code rag}, read the same way for both. The records
 * implement it through their component accessors; it adds no JSON property (its own methods are no getters).
 */
interface OpenAiRequest {
    Boolean stream();

    StreamOptions streamOptions();

    RagOptions rag();

    /** Whether the answer is grounded in the caller's documents. */
    default boolean grounded() {
        return rag() != null && rag().on();
    }

    /** Whether the answer is an event stream ({@code "stream": true}). */
    default boolean streaming() {
        return Boolean.TRUE.equals(stream());
    }

    /** Whether a stream ends with a chunk of token counts. */
    default boolean includeUsage() {
        return streamOptions() != null && streamOptions().usage();
    }
}
