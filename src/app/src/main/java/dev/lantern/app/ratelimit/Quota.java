package dev.lantern.app.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows that apply to one caller under one policy (the policy's own, or a tier's), as a Bucket4j
 * configuration: one bandwidth per window, each refilled whole at the end of its window (the fixed windows
 * of the tutorial's limiter), all consumed together and atomically. {@code signature} is a short, stable
 * name of the limits, part of the bucket's key (a changed tier gets a fresh bucket).
 */
public record Quota(String policy, List<Limit> limits, BucketConfiguration bucket, String signature) {

    public Quota(String policy, List<Limit> limits) {
        this(policy, List.copyOf(limits), configuration(limits), Integer.toHexString(limits.toString().hashCode()));
    }

    public Quota {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("policy " + policy + " has no limits");
        }
    }

    private static BucketConfiguration configuration(List<Limit> limits) {
        if (limits.isEmpty()) {
            return null;
        }
        List<Bandwidth> bandwidths = new ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            bandwidths.add(Bandwidth.builder().capacity(limit.amount()).refillIntervally(limit.amount(), limit.window())
                    .id("w" + i).build());
        }
        return new BucketConfiguration(bandwidths);
    }

    /** The {@code RateLimit-Policy} items: {@code "name";q=10;w=60}, one per window. */
    public String policyHeader() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            if (i > 0) {
                header.append(", ");
            }
            header.append('"').append(itemName(i)).append("\";q=").append(limit.amount())
                    .append(";w=").append(limit.window().toSeconds());
        }
        return header.toString();
    }

    /** The first window carries the policy's name; the others {@code name-<seconds>}. */
    public String itemName(int window) {
        return window == 0 ? policy : policy + "-" + limits.get(window).window().toSeconds();
    }
}
