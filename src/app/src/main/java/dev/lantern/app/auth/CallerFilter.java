package dev.lantern.app.auth;

import dev.lantern.app.identity.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Establishes the request's {@link Caller} before any other filter of the application runs (first in
 * web.xml), so that what must act before a body is read (the upload rate limit) knows who is calling. It
 * decides nothing: {@link AuthenticationFilter} answers 401 and 403 once JAX-RS has matched the endpoint.
 */
public class CallerFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String IDENTIFIED = "lantern.callerIdentified";

    @Inject
    transient CallerIdentification identification;

    @Inject
    transient Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        identification.identify(request).ifPresent(caller::establish);
        request.setAttribute(IDENTIFIED, Boolean.TRUE);
        chain.doFilter(request, response);
    }
}
