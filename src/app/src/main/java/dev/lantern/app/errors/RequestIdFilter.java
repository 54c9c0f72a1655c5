package dev.lantern.app.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, in the {@code Lantern-Request-Id} response header and in error bodies. A
 * caller's own {@code X-Request-Id} is kept when it is a short token of safe characters (so it can be
 * correlated across services without letting a caller inject text into logs).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Lantern-Request-Id";
    static final String PROPERTY = "lantern.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String offered = request.getHeaderString("X-Request-Id");
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : "req_" + UUID.randomUUID();
        request.setProperty(PROPERTY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, requestId(request));
    }

    /**
     * The id of this request (one is made if the request never passed the filter). Request properties are
     * servlet request attributes, so code that only has the servlet request finds it too.
     */
    public static String requestId(jakarta.servlet.http.HttpServletRequest request) {
        Object id = request.getAttribute(PROPERTY);
        if (id == null) {
            id = "req_" + UUID.randomUUID();
            request.setAttribute(PROPERTY, id);
        }
        return id.toString();
    }

    /** The id of this request (one is made if the request never passed the filter). */
    public static String requestId(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        if (id == null) {
            id = "req_" + UUID.randomUUID();
            request.setProperty(PROPERTY, id);
        }
        return id.toString();
    }
}
