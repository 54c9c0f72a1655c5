package dev.lantern.app.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The decision of this request's limiter, for {@link RateLimitHeadersFilter} to write as headers. Kept on the
 * request itself (request properties are servlet request attributes), not in a request-scoped bean: an answer
 * completed asynchronously is written on another thread, where the request scope is no longer active.
 */
final class RateLimitOutcome {

    private static final String ATTRIBUTE = "lantern.ratelimit.decision";

    private RateLimitOutcome() {
    }

    static void record(HttpServletRequest request, Decision decision) {
        request.setAttribute(ATTRIBUTE, decision);
    }

    static Decision of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Decision decision ? decision : null;
    }

    static Decision of(ContainerRequestContext request) {
        return request.getProperty(ATTRIBUTE) instanceof Decision decision ? decision : null;
    }
}
