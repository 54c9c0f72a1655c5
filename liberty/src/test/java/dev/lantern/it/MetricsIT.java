package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsIT {

    /** A Prometheus sample line: name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*})? [-+]?([0-9.]+([eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)$");

    @Test
    void prometheusTextWithoutCredentials() throws Exception {
        HttpResponse<String> response = LanternServer.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = response.body();
        assertTrue(body.contains("# TYPE "), "TYPE lines");
        assertTrue(body.contains("# HELP "), "HELP lines");
        long samples = body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        assertTrue(samples > 10, "samples: " + samples);
        body.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> assertTrue(SAMPLE.matcher(line).matches(), "not a Prometheus sample: " + line));
        assertTrue(body.contains("jvm_uptime_seconds"), "base metrics present");
    }
}
