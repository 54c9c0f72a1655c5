package dev.lantern.app.documents;

import dev.lantern.app.errors.ErrorResponses;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.ratelimit.Decision;
import dev.lantern.app.ratelimit.RequestLimit;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The {@code upload} rate limit before the multipart body is read: JAX-RS reads an upload's body whole
 * before any interceptor runs, so a caller over the limit would still cost the server the read. Anonymous
 * uploads pass through to the authentication filter's 401, which reads no body either. The JAX-RS
 * interceptor finds the call counted and does not count it again.
 */
public class UploadRateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Caller caller;

    @Inject
    transient RequestLimit requestLimit;

    @Inject
    transient ErrorResponses errors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (UploadRequests.isMultipart(request) && caller.isAuthenticated()) {
            String route = UploadRequests.route(request);
            Decision decision = requestLimit.apply(UploadRequests.POLICY, "POST " + route);
            if (decision != null && !decision.allowed()) {
                errors.write(request, response, decision.rejection()
                                .withHeader("RateLimit-Policy", decision.policyHeader())
                                .withHeader("RateLimit", decision.rateLimitHeader())
                                .withHeader("Connection", "close"),
                        ErrorResponses.endpoint(request.getMethod(), route));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
