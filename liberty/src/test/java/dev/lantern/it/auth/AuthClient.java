package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP helpers of the authentication tests: JSON calls with an optional bearer, logins, users made by the
 * first administrator, and the check that an error answer is the catalogue's body with the request id.
 * Other engineers' tests may use {@link #adminToken()} and {@link #newUser(String)}.
 */
public final class AuthClient {

    private static String adminToken;

    private AuthClient() {
    }

    public static HttpResponse<String> call(String method, String path, String bearer, Object body)
            throws IOException, InterruptedException {
        return call(method, LanternServer.baseUrl(), path, bearer, body, Map.of());
    }

    public static HttpResponse<String> call(String method, String base, String path, String bearer, Object body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(body)));
        }
        return LanternServer.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return call("GET", path, bearer, null);
    }

    public static HttpResponse<String> post(String path, String bearer, Object body) throws IOException, InterruptedException {
        return call("POST", path, bearer, body);
    }

    public static HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        return post("/login", null, Map.of("email", email, "password", password));
    }

    /** The token pair of a successful login. */
    public static JsonNode tokens(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = login(email, password);
        assertEquals(200, response.statusCode(), response.body());
        return LanternServer.json(response);
    }

    /** An access token of the first administrator (generated password read from messages.log). */
    public static synchronized String adminToken() throws IOException, InterruptedException {
        if (adminToken == null) {
            String[] admin = LanternServer.generatedAdministrator();
            adminToken = tokens(admin[0], admin[1]).path("access_token").asText();
        }
        return adminToken;
    }

    /** A new user with the given role; returns {id, email, password}. */
    public static String[] newUser(String role) throws IOException, InterruptedException {
        String email = "it-" + UUID.randomUUID() + "@example.com";
        String password = "pw-" + UUID.randomUUID();
        HttpResponse<String> created = post("/admin/users", adminToken(),
                Map.of("email", email, "password", password, "roles", List.of(role)));
        assertEquals(201, created.statusCode(), created.body());
        return new String[] {LanternServer.json(created).path("id").asText(), email, password};
    }

    /** Asserts the status, the catalogue code, and that the body's request id is the header's. */
    public static JsonNode assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON body: " + response.headers().map());
        JsonNode error = LanternServer.json(response).path("error");
        assertEquals(code, error.path("code").asText(), response.body());
        String requestId = response.headers().firstValue("Lantern-Request-Id").orElse("");
        assertTrue(!requestId.isEmpty(), "Lantern-Request-Id header");
        assertEquals(requestId, error.path("request_id").asText());
        return error;
    }
}
