package dev.lantern.app.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Writes {@code RateLimit-Policy} and {@code RateLimit} on every response to which a policy applied (429s too). */
@Provider
@ApplicationScoped
public class RateLimitHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Decision decision = RateLimitOutcome.of(request);
        if (decision != null) {
            response.getHeaders().putSingle("RateLimit-Policy", decision.policyHeader());
            response.getHeaders().putSingle("RateLimit", decision.rateLimitHeader());
        }
    }
}
