package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits in the real Redis. The IT server maps {@code GET /v1/api-keys} to the {@code generation}
 * policy (lantern-it.env); anonymous calls are keyed by the client address, which a test chooses with
 * X-Forwarded-For (loopback is a trusted proxy of the IT servers).
 */
class RateLimitIT {

    private static final Pattern POLICY = Pattern.compile("\"[a-z0-9-]+\";q=\\d+;w=\\d+(, \"[a-z0-9-]+\";q=\\d+;w=\\d+)*");
    private static final Pattern STATE = Pattern.compile("\"[a-z0-9-]+\";r=\\d+;t=\\d+");

    @BeforeAll
    static void serversReady() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        LanternServer.awaitReady(LanternServer.earUrl(), Duration.ofMinutes(3));
    }

    @Test
    void twelveParallelRequestsOfOneUserLetExactlyTenThrough() throws Exception {
        String[] user = AuthClient.newUser("user");
        String token = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return AuthClient.get("/v1/api-keys", token);
            }));
        }
        start.countDown();
        int ok = 0;
        HttpResponse<String> refused = null;
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 200) {
                ok++;
            } else {
                refused = response;
                AuthClient.assertError(response, 429, "RATE_LIMITED");
            }
        }
        pool.shutdown();
        assertEquals(10, ok, "exactly the policy's 10 per minute");
        JsonNode error = LanternServer.json(refused).path("error");
        assertTrue(error.path("message").asText().contains("\"generation\""), error.toString());
        assertTrue(error.path("message").asText().matches(".*resets in \\d+ seconds.*"), error.toString());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("\"generation\";q=10;w=60", refused.headers().firstValue("RateLimit-Policy").orElse(""));
        assertTrue(refused.headers().firstValue("RateLimit").orElse("").startsWith("\"generation\";r=0;t="));
    }

    /** Every response of a rate-limited endpoint; a 401/403 of the authentication filter is refused before counting. */
    @Test
    void everyLimitedResponseCarriesTheHeaders() throws Exception {
        String[] user = AuthClient.newUser("user");
        HttpResponse<String> login = AuthClient.login(user[1], user[2]);
        String token = LanternServer.json(login).path("access_token").asText();
        List<HttpResponse<String>> responses = List.of(login,
                AuthClient.login(user[1], "wrong-password"),
                AuthClient.get("/auth/me", token),
                AuthClient.get("/auth/me", null),
                AuthClient.post("/v1/api-keys", token, Map.of("name", "k")),
                AuthClient.get("/admin/users", AuthClient.adminToken()));
        for (HttpResponse<String> response : responses) {
            String where = response.request().method() + " " + response.request().uri() + " " + response.statusCode();
            assertTrue(POLICY.matcher(response.headers().firstValue("RateLimit-Policy").orElse("")).matches(),
                    "RateLimit-Policy on " + where + ": " + response.headers().map());
            assertTrue(STATE.matcher(response.headers().firstValue("RateLimit").orElse("")).matches(),
                    "RateLimit on " + where);
        }
        assertEquals("\"default\";q=1000;w=3600", responses.get(2).headers().firstValue("RateLimit-Policy").orElse(""));
        assertTrue(responses.get(2).headers().firstValue("RateLimit").orElse("").matches("\"default\";r=99\\d;t=\\d+"));
    }

    /**
     * Behind a proxy that appends its own X-Forwarded-For line (loopback plays it here), the client's own
     * line must not choose the address: two requests that differ only in it count against one bucket.
     */
    @Test
    void aClientCannotPickItsAddressWithAForwardedForLineOfItsOwn() throws Exception {
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        long[] remaining = new long[2];
        for (int i = 0; i < 2; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + "/auth/refresh"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"lrt_not-a-token\"}")).build();
            HttpResponse<String> response = LanternServer.client().send(request, HttpResponse.BodyHandlers.ofString());
            AuthClient.assertError(response, 401, "UNAUTHORIZED");
            String state = response.headers().firstValue("RateLimit").orElse("");
            remaining[i] = Long.parseLong(state.replaceAll(".*;r=(\\d+);.*", "$1"));
        }
        assertEquals(remaining[0] - 1, remaining[1], "both requests counted for " + client);
    }

    @Test
    void twoServersSharingRedisEnforceOneCombinedLimit() throws Exception {
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        int passed = 0;
        int refusedByIt = 0;
        int refusedByEar = 0;
        for (int i = 0; i < 60; i++) {
            String base = i % 2 == 0 ? LanternServer.baseUrl() : LanternServer.earUrl();
            HttpResponse<String> response = AuthClient.call("POST", base, "/auth/refresh", null,
                    Map.of("refresh_token", "lrt_not-a-token"), Map.of("X-Forwarded-For", client));
            if (response.statusCode() == 401) {
                passed++;
            } else {
                AuthClient.assertError(response, 429, "RATE_LIMITED");
                if (i % 2 == 0) {
                    refusedByIt++;
                } else {
                    refusedByEar++;
                }
            }
            assertTrue(response.headers().firstValue("RateLimit-Policy").orElse("").startsWith("\"anonymous\";q=50;w=3600"),
                    response.headers().map().toString());
        }
        assertEquals(50, passed, "anonymous: 50 per hour for this address, across both servers");
        assertTrue(refusedByIt > 0 && refusedByEar > 0, "both servers refuse once the shared limit is spent");
    }
}
