package dev.lantern.app.ratelimit;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.CallerIdentity;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The token quota of generation (prompt + completion tokens per user, {@code generation}: 10,000 per
 * minute by default, {@code lantern.ratelimit.policy.generation.tokens}). Reserve the most a request can
 * use before generating, then settle with what it used:
 * <pre>{@code
 * Reservation reservation = tokenQuota.reserve(caller.identity(), promptTokens + maxTokens); // 429 if it does not fit
 * try { ... generate ... } finally { reservation.settle(usage.totalTokens()); }
 * }</pre>
 * A reservation that does not fit is refused with 429 {@code RATE_LIMITED} and {@code Retry-After}, one larger
 * than the quota itself with 400 {@code VALIDATION_ERROR} (no wait would let it through); settling
 * gives back what was not used (or takes the excess). Exempt roles (administrators by default) and policies
 * without a token quota get a reservation that does nothing. The quota never fails open: while Redis cannot
 * answer, each server counts it alone ({@link RateLimiter}).
 */
@ApplicationScoped
public class TokenQuota {

    public static final String GENERATION = "generation";

    @Inject
    RateLimitPolicies policies;

    @Inject
    RateLimiter limiter;

    public Reservation reserve(CallerIdentity caller, long tokens) {
        return reserve(GENERATION, caller, tokens);
    }

    public Reservation reserve(String policy, CallerIdentity caller, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
        Optional<Quota> quota = policies.tokens(policy, caller);
        if (quota.isEmpty() || policies.exempt(policy, caller.roles()) || tokens == 0) {
            return Reservation.NONE;
        }
        long capacity = quota.get().limits().stream().mapToLong(Limit::amount).min().orElse(Long.MAX_VALUE);
        if (tokens > capacity) {
            // never satisfiable, so not a 429: clients retry those (the openai package does, twice) and retrying
            // cannot help; the caller must ask for fewer tokens
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "The request may use " + tokens + " tokens "
                    + "(prompt + max_tokens × n), more than the token quota of policy \"" + policy + "\" allows at "
                    + "once (" + capacity + "): lower max_tokens or n.").withParam("max_tokens");
        }
        ConsumptionProbe probe = limiter.take(quota.get(), caller, tokens);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Decision.seconds(probe.getNanosToWaitForRefill()));
            throw new LanternException(ErrorCode.RATE_LIMITED, "Token quota of policy \"" + policy + "\" exhausted ("
                    + probe.getRemainingTokens() + " of the " + tokens + " tokens requested are left): it resets in "
                    + seconds + " seconds.").withHeader("Retry-After", seconds);
        }
        return new Reservation(this, quota.get(), caller, tokens);
    }

    void settle(Reservation reservation, long actual) {
        limiter.adjust(reservation.quota(), reservation.caller(), actual - reservation.reserved());
    }
}
