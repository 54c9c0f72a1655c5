package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorResponses;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;

/** A stream's final error event: recorded like any error answer, written as the one error body. */
final class StreamErrors {
    private StreamErrors() {
    }

    static Function<LanternException, ErrorBody> of(ErrorResponses responses, HttpServletRequest request,
                                                     String endpoint) {
        String requestId = RequestIdFilter.requestId(request);
        return error -> {
            responses.record(error, requestId, endpoint);
            return ErrorBody.of(error, requestId);
        };
    }
}
