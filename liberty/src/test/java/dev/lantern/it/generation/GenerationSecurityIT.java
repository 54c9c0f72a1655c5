package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.it.LanternServer;
import dev.lantern.it.auth.AuthClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every generation endpoint wants a bearer token of a user or administrator; generation is rate limited. */
class GenerationSecurityIT {

    private static final String[][] ENDPOINTS = {{"GET", "/v1/models", null},
            {"POST", "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":2}"},
            {"POST", "/v1/completions", "{\"prompt\":\"Hi\",\"max_tokens\":2}"},
            {"POST", "/v1/embeddings", "{\"input\":\"Hi\"}"},
            {"POST", "/generate", "{\"text\":\"Hi\",\"max_tokens\":2}"}};

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static HttpResponse<String> call(String[] endpoint, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + endpoint[1]))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Cache-Control", "no-cache");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(endpoint[0], endpoint[2] == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint[2]));
        return LanternServer.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutATokenEveryEndpointIs401() throws Exception {
        for (String[] endpoint : ENDPOINTS) {
            AuthClient.assertError(call(endpoint, null), 401, "UNAUTHORIZED");
            AuthClient.assertError(call(endpoint, "not-a-token"), 401, "UNAUTHORIZED");
        }
    }

    @Test
    void aUserMayCallEveryEndpoint() throws Exception {
        String user = TestUsers.newUserToken("user");
        for (String[] endpoint : ENDPOINTS) {
            HttpResponse<String> response = call(endpoint, user);
            assertEquals(200, response.statusCode(), endpoint[1] + ": " + response.body());
            assertTrue(response.headers().firstValue("RateLimit-Policy").isPresent(), endpoint[1]);
        }
    }

    @Test
    void anApiKeyIsABearerTokenToo() throws Exception {
        String user = TestUsers.newUserToken("user");
        HttpResponse<String> created = AuthClient.post("/v1/api-keys", user, java.util.Map.of("name", "it"));
        assertEquals(201, created.statusCode(), created.body());
        String key = LanternServer.json(created).path("key").asText();
        assertEquals(200, call(ENDPOINTS[1], key).statusCode());
    }

    @Test
    void generationIsLimitedToTenAMinutePerUser() throws Exception {
        String user = TestUsers.newUserToken("user");
        String[] generate = ENDPOINTS[4];
        for (int i = 0; i < 10; i++) {
            assertEquals(200, call(generate, user).statusCode(), "request " + (i + 1));
        }
        HttpResponse<String> limited = call(generate, user);
        AuthClient.assertError(limited, 429, "RATE_LIMITED");
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, call(generate, TestUsers.newUserToken("user")).statusCode(), "another user is not limited");
    }

    @Test
    void aRequestLargerThanTheTokenQuotaIs400ForNoWaitWouldLetItThrough() throws Exception {
        String user = TestUsers.newUserToken("user");
        String[] big = {"POST", "/v1/completions", "{\"prompt\":\"Hi\",\"max_tokens\":1000,\"n\":16}"};
        HttpResponse<String> refused = call(big, user);
        AuthClient.assertError(refused, 400, "VALIDATION_ERROR");
        assertTrue(LanternServer.json(refused).path("error").path("message").asText().contains("lower max_tokens"));
        assertEquals("max_tokens", LanternServer.json(refused).path("error").path("param").asText());
    }
}
