package dev.lantern.app.generation;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where a server-sent event stream goes: the client's connection ({@link SseChannel}) or a test's recorder. Every
 * write completes its stage once written, and fails it when the client has gone.
 */
interface EventSink {

    /** Writes one {@code data:} event per item, together. */
    CompletionStage<?> send(List<String> data);

    /** Writes a comment line, which clients ignore: it finds a vanished client while nothing else is written. */
    CompletionStage<?> comment(String text);

    /** Ends the response. */
    void close();
}
