package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a {@link LanternException} into the HTTP answer (status, headers, {@link ErrorBody}) and announces it
 * ({@link ErrorAnswered}) to whoever counts errors. The one place that writes error responses; the exception mappers and streams come here.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Event<ErrorAnswered> answered;

    public Response toResponse(LanternException e, String requestId, String endpoint) {
        record(e, requestId, endpoint);
        Response.ResponseBuilder response = Response.status(e.code().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestIdFilter.HEADER, requestId)
                .entity(ErrorBody.of(e, requestId));
        e.headers().forEach(response::header);
        return response.build();
    }

    /**
     * Writes the answer of an error raised outside JAX-RS (a servlet filter, the container's error page):
     * the same status, headers and body, counted the same way.
     *
     * @param endpoint from {@link #endpoint(String, String)}: bounded, never the path the caller sent
     */
    public void write(HttpServletRequest request, HttpServletResponse response, LanternException e, String endpoint)
            throws IOException {
        String requestId = RequestIdFilter.requestId(request);
        record(e, requestId, endpoint);
        response.setStatus(e.code().status());
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RequestIdFilter.HEADER, requestId);
        e.headers().forEach(response::setHeader);
        response.getWriter().write(JSON.toJson(ErrorBody.of(e, requestId)));
    }

    /** Logs and counts an error whose answer is written elsewhere (the final event of a stream). */
    public void record(LanternException e, String requestId, String endpoint) {
        if (e.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.log(Level.SEVERE, "Internal error, request " + requestId + " on " + endpoint,
                    e.getCause() != null ? e.getCause() : e);
        } else {
            LOG.fine(() -> "Request " + requestId + " on " + endpoint + " answered " + e.code());
        }
        answered.fire(new ErrorAnswered(e.code(), endpoint));
    }

    /** The endpoint as its route template ("POST /v1/documents/{id}"), so labels stay few. */
    public static String endpoint(String method, ResourceInfo resource) {
        return EndpointName.of(method, resource);
    }

    /** An endpoint answered outside JAX-RS (a servlet filter): {@code route} must be a fixed word, never the caller's path. */
    public static String endpoint(String method, String route) {
        return EndpointName.of(method, route);
    }
}
