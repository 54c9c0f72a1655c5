package dev.lantern.it.generation;

import dev.lantern.it.LanternServer;
import java.time.Duration;
import java.time.Instant;

/** Samples of the server's Prometheus text. */
final class Metrics {
    private Metrics() {
    }

    /** The value of the first sample whose line starts with {@code name} and holds {@code label}; 0 if none. */
    static double value(String name, String label) throws Exception {
        return LanternServer.get("/metrics").body().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** The sum of every sample of {@code name} whose labels hold {@code label}. */
    static double sum(String name, String label) throws Exception {
        return LanternServer.get("/metrics").body().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Waits until the sample reaches {@code atLeast}; false when it does not within the time. */
    static boolean await(String name, String label, double atLeast, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (value(name, label) >= atLeast) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
