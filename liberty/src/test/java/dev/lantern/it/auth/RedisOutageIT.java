package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.it.LanternServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped under a running server: requests pass (fail-open, the default), then, with
 * {@code lantern.ratelimit.failure-mode=closed} set at run time through a server.xml variable in
 * configDropins, they get 503 SERVICE_UNAVAILABLE; never a 500 and never slower than a second. Redis is
 * started again in any case.
 */
class RedisOutageIT {

    private static final Path DROPIN = LanternServer.serverDir()
            .resolve("configDropins/overrides/redis-outage-it.xml");

    @Test
    void failsOpenThenClosedAsConfigured() throws Exception {
        String[] user = AuthClient.newUser("user");
        String token = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
        assertEquals(200, AuthClient.get("/auth/me", token).statusCode());
        try {
            redis("redis-cli", "-p", port(), "shutdown", "nosave");

            HttpResponse<String> open = timed(token);
            assertEquals(200, open.statusCode(), "fail-open: " + open.body());
            assertTrue(LanternServer.get("/metrics").body().lines().anyMatch(line ->
                    line.startsWith("lantern_ratelimit_store_failures_total{") && line.contains("mode=\"open\"")));

            Files.writeString(DROPIN, "<server><variable name=\"lantern.ratelimit.failure-mode\" value=\"closed\"/></server>");
            HttpResponse<String> closed = until(token, 503);
            AuthClient.assertError(closed, 503, "SERVICE_UNAVAILABLE");
            assertEquals("1", closed.headers().firstValue("Retry-After").orElse(""));
            timed(token);

            Files.deleteIfExists(DROPIN);
            assertEquals(200, until(token, 200).statusCode(), "fail-open again once the setting is gone");
        } finally {
            Files.deleteIfExists(DROPIN);
            redis("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", port(),
                    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log");
            awaitRedis();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String state = "";
        while (Instant.now().isBefore(deadline)) {
            state = AuthClient.get("/auth/me", token).headers().firstValue("RateLimit").orElse("");
            if (!state.endsWith(";t=0")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the limiter did not use Redis again after it came back: " + state);
    }

    /** A call that must not be slow, whatever Redis does. */
    private static HttpResponse<String> timed(String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = AuthClient.get("/auth/me", token);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 1000, "answered in " + millis + " ms");
        assertTrue(response.statusCode() != 500, response.body());
        return response;
    }

    private static HttpResponse<String> until(String token, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        HttpResponse<String> response = timed(token);
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = timed(token);
        }
        return response;
    }

    private static String port() {
        int port = URI.create(System.getProperty("lantern.it.redis.url", "redis://127.0.0.1:6379")).getPort();
        return Integer.toString(port < 0 ? 6379 : port);
    }

    private static void redis(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private static void awaitRedis() throws Exception {
        for (int i = 0; i < 40; i++) {
            Process ping = new ProcessBuilder("redis-cli", "-p", port(), "ping").start();
            if (ping.waitFor(5, TimeUnit.SECONDS) && new String(ping.getInputStream().readAllBytes()).contains("PONG")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Redis did not come back");
    }
}
