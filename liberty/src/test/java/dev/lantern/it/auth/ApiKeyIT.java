package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
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
