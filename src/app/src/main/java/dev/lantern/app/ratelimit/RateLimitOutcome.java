package dev.lantern.app.ratelimit;

import jakarta.enterprise.context.RequestScoped;

/** The decision of this request's limiter, for {@link RateLimitHeadersFilter} to write as headers. */
@RequestScoped
public class RateLimitOutcome {

    private Decision decision;

    public Decision decision() {
        return decision;
    }

    void record(Decision made) {
        this.decision = made;
    }
}
