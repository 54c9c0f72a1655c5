package dev.lantern.app.ratelimit;

import dev.lantern.app.identity.Caller;
import dev.lantern.app.identity.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Counts the current request against a policy, once: whoever asks first (a servlet filter that must act
 * before the body is read, or {@link RateLimitInterceptor}) counts it, and later asks get the same decision.
 * The decision is kept for the RateLimit headers.
 */
@ApplicationScoped
public class RequestLimit {

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitPolicies policies;

    @Inject
    Caller caller;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    /**
     * @param declared the policy the endpoint declares ({@link RateLimited}); configuration may move it
     * @param endpoint the endpoint's name, {@code POST /v1/documents}
     * @return the decision, or null while rate limiting is switched off
     */
    public Decision apply(String declared, String endpoint) {
        Decision decision = RateLimitOutcome.of(request);
        if (decision != null || !policies.enabled()) {
            return decision;
        }
        decision = limiter.check(policies.policyFor(declared, endpoint), caller.identity(), clientAddress.of(request));
        RateLimitOutcome.record(request, decision);
        return decision;
    }
}
