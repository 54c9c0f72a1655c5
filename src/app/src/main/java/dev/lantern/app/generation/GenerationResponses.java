package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorResponses;
import dev.lantern.app.errors.LanternException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one "stream or not" answer of the generation routes, so that their resources stay thin JAX-RS classes: a
 * streamed answer is an event stream whose final error event is recorded for the endpoint, a whole one is JSON.
 */
final class GenerationResponses {
    private GenerationResponses() {
    }

    /**
     * @param streaming whether the request asked for {@code "stream": true}
     * @param whole     the whole answer, asked for only when not streaming
     * @param stream    the stream, given how to turn its error into the final event; asked for only when streaming
     */
    static Response of(boolean streaming, Supplier<? extends Answered<?>> whole,
                       Function<Function<LanternException, ErrorBody>, Answered<StreamingOutput>> stream,
                       ErrorResponses errors, HttpServletRequest http, String endpoint) {
        if (streaming) {
            // the request id is taken (and made, when the request has none yet) only for a stream, as before
            return SseResponses.of(stream.apply(StreamErrors.of(errors, http, endpoint)));
        }
        return whole.get().json();
    }
}
