package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys: created once, used as bearer tokens with the owner's roles, revoked. */
class ApiKeyIT {

    @Test
    void createUseAndRevoke() throws Exception {
        String[] user = AuthClient.newUser("user");
        String access = AuthClient.tokens(user[1], user[2]).path("access_token").asText();

        HttpResponse<String> created = AuthClient.post("/v1/api-keys", access, Map.of("name", "laptop"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode key = LanternServer.json(created);
        String value = key.path("key").asText();
        String id = key.path("id").asText();
        assertTrue(value.startsWith("lk_"), value);

        HttpResponse<String> listed = AuthClient.get("/v1/api-keys", value);
        assertEquals(200, listed.statusCode(), "the key authenticates: " + listed.body());
        assertTrue(listed.body().contains(id));
        assertFalse(listed.body().contains(value), "the value is shown once only");
        AuthClient.assertError(AuthClient.get("/stats/errors", value), 403, "FORBIDDEN");

        assertEquals(204, AuthClient.call("DELETE", "/v1/api-keys/" + id, access, null).statusCode());
        AuthClient.assertError(AuthClient.get("/v1/api-keys", value), 401, "UNAUTHORIZED");
        AuthClient.assertError(AuthClient.call("DELETE", "/v1/api-keys/" + id, access, null), 404, "NOT_FOUND");
    }

    /**
     * An unknown key (anyone can send one) is a 401 and a security event, and nothing more: the lookup once
     * left its query's cursor open, and every such request logged J2CA0026E and DSRA9400E with stack traces
     * and wrote an FFDC incident file.
     */
    @Test
    void anUnknownKeyLeavesNoErrorInTheLog() throws Exception {
        Path log = LanternServer.messagesLog();
        long before = Files.size(log);
        for (int i = 0; i < 3; i++) {
            AuthClient.assertError(AuthClient.get("/v1/models", "lk_unknown" + i), 401, "UNAUTHORIZED");
        }
        String[] user = AuthClient.newUser("user");
        String access = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
        String value = LanternServer.json(AuthClient.post("/v1/api-keys", access, Map.of("name", "first use")))
                .path("key").asText();
        assertEquals(200, AuthClient.get("/v1/models", value).statusCode(), "a key's first, uncached use");
        Thread.sleep(500); // the log is written asynchronously
        String added;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(before, Files.size(log)));
            added = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(added.contains("SECURITY invalid_api_key"), added);
        assertFalse(added.contains("J2CA0026E") || added.contains("DSRA9400E") || added.contains("FFDC"), added);
    }

    /** A stolen key (or access token turned into one) must not mint keys of its own that outlive it. */
    @Test
    void anApiKeyCannotCreateApiKeys() throws Exception {
        String[] user = AuthClient.newUser("user");
        String access = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
        String key = LanternServer.json(AuthClient.post("/v1/api-keys", access, Map.of("name", "ci"))).path("key").asText();
        JsonNode error = AuthClient.assertError(AuthClient.post("/v1/api-keys", key, Map.of("name", "copy")), 403,
                "FORBIDDEN");
        assertTrue(error.path("message").asText().contains("/login"), error.toString());
        assertEquals(200, AuthClient.get("/v1/api-keys", key).statusCode(), "the key itself still works");
    }

    /** A reset password ends every credential the old one made: refresh tokens and API keys. */
    @Test
    void aPasswordResetRevokesRefreshTokensAndApiKeys() throws Exception {
        String[] user = AuthClient.newUser("user");
        JsonNode tokens = AuthClient.tokens(user[1], user[2]);
        String access = tokens.path("access_token").asText();
        String key = LanternServer.json(AuthClient.post("/v1/api-keys", access, Map.of("name", "laptop"))).path("key").asText();
        assertEquals(200, AuthClient.get("/v1/api-keys", key).statusCode());

        assertEquals(204, AuthClient.post("/admin/users/" + user[0] + "/password", AuthClient.adminToken(),
                Map.of("password", "a-brand-new-password")).statusCode());
        AuthClient.assertError(AuthClient.get("/v1/api-keys", key), 401, "UNAUTHORIZED");
        AuthClient.assertError(AuthClient.post("/auth/refresh", null,
                Map.of("refresh_token", tokens.path("refresh_token").asText())), 401, "UNAUTHORIZED");
    }

    @Test
    void anAdministratorsKeyActsAsAdministrator() throws Exception {
        HttpResponse<String> created = AuthClient.post("/v1/api-keys", AuthClient.adminToken(), Map.of("name", "ops"));
        assertEquals(201, created.statusCode(), created.body());
        String value = LanternServer.json(created).path("key").asText();
        assertEquals(200, AuthClient.get("/stats/errors", value).statusCode());
    }

    @Test
    void anotherUsersKeyCannotBeRevoked() throws Exception {
        String[] owner = AuthClient.newUser("user");
        String[] other = AuthClient.newUser("user");
        String ownerAccess = AuthClient.tokens(owner[1], owner[2]).path("access_token").asText();
        String otherAccess = AuthClient.tokens(other[1], other[2]).path("access_token").asText();
        String id = LanternServer.json(AuthClient.post("/v1/api-keys", ownerAccess, Map.of("name", "mine")))
                .path("id").asText();
        AuthClient.assertError(AuthClient.call("DELETE", "/v1/api-keys/" + id, otherAccess, null), 404, "NOT_FOUND");
        AuthClient.assertError(AuthClient.post("/v1/api-keys", ownerAccess, Map.of("name", "")), 400, "VALIDATION_ERROR");
    }
}
