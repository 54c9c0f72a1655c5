package dev.lantern.app.ratelimit;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The limiter's answer for one request: whether it may proceed, and what the {@code RateLimit-Policy} and
 * {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers) say: {@code "generation";q=10;w=60} and
 * {@code "generation";r=3;t=42} (remaining requests, seconds until they are restored).
 */
public record Decision(Quota quota, boolean allowed, long remaining, long resetSeconds) {

    static Decision of(Quota quota, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new Decision(quota, true, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()));
        }
        return new Decision(quota, false, 0, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** An exempt caller, or a store that could not answer while failing open: the full quota is shown. */
    static Decision unlimited(Quota quota) {
        return new Decision(quota, true, quota.limits().get(0).amount(), 0);
    }

    public String policyHeader() {
        return quota.policyHeader();
    }

    public String rateLimitHeader() {
        return "\"" + quota.policy() + "\";r=" + remaining + ";t=" + resetSeconds;
    }

    /** The 429 of a rejected request: the policy, when it resets, and Retry-After. */
    public LanternException rejection() {
        return new LanternException(ErrorCode.RATE_LIMITED, "Rate limit of policy \"" + quota.policy() + "\" ("
                + describe() + ") exceeded: it resets in " + resetSeconds + " seconds.")
                .withHeader("Retry-After", resetSeconds);
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (Limit limit : quota.limits()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(limit.amount()).append(" per ").append(limit.window().toSeconds()).append(" s");
        }
        return text.toString();
    }

    static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
