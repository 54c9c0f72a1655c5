package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key rotation: new tokens carry the new kid, tokens signed with the previous key stay valid. */
class KeyRotationIT {

    @Test
    void tokensOfThePreviousKeyStayValid() throws Exception {
        String[] user = AuthClient.newUser("user");
        String before = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
        assertEquals(200, AuthClient.get("/v1/api-keys", before).statusCode());

        HttpResponse<String> rotated = AuthClient.post("/admin/keys/rotate", AuthClient.adminToken(), null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String kid = LanternServer.json(rotated).path("kid").asText();
        assertNotEquals(kid(before), kid);

        String after = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
        assertEquals(kid, kid(after));
        assertEquals(200, AuthClient.get("/v1/api-keys", after).statusCode(), "a token of the new key");
        assertEquals(200, AuthClient.get("/v1/api-keys", before).statusCode(), "a token of the previous key");
        JsonNode jwks = LanternServer.json(LanternServer.get("/.well-known/jwks.json"));
        assertTrue(jwks.toString().contains(kid) && jwks.toString().contains(kid(before)), jwks.toString());
        AuthClient.assertError(AuthClient.post("/admin/keys/rotate", after, null), 403, "FORBIDDEN");
    }

    /**
     * A compromised key is revoked with the rotation: tokens it signed are refused at once. On the EAR server
     * (its own database and keys), so that the tokens the other tests hold stay valid.
     */
    @Test
    void revokingThePreviousKeysRefusesTheirTokensAtOnce() throws Exception {
        String ear = LanternServer.earUrl();
        LanternServer.awaitReady(ear, Duration.ofMinutes(3));
        String[] admin = LanternServer.earAdministrator();
        String before = login(ear, admin);
        assertEquals(200, AuthClient.call("GET", ear, "/v1/api-keys", before, null, Map.of()).statusCode());

        HttpResponse<String> rotated = AuthClient.call("POST", ear, "/admin/keys/rotate?revoke_previous=true", before,
                null, Map.of());
        assertEquals(200, rotated.statusCode(), rotated.body());
        JsonNode answer = LanternServer.json(rotated);
        assertTrue(answer.path("revoked").toString().contains(kid(before)), answer.toString());

        AuthClient.assertError(AuthClient.call("GET", ear, "/v1/api-keys", before, null, Map.of()), 401, "UNAUTHORIZED");
        String after = login(ear, admin);
        assertEquals(answer.path("kid").asText(), kid(after));
        assertEquals(200, AuthClient.call("GET", ear, "/v1/api-keys", after, null, Map.of()).statusCode());
        String jwks = AuthClient.call("GET", ear, "/.well-known/jwks.json", null, null, Map.of()).body();
        assertFalse(jwks.contains(kid(before)), "a revoked key is no longer published: " + jwks);
    }

    private static String login(String base, String[] account) throws Exception {
        HttpResponse<String> response = AuthClient.call("POST", base, "/login", null,
                Map.of("email", account[0], "password", account[1]), Map.of());
        assertEquals(200, response.statusCode(), response.body());
        return LanternServer.json(response).path("access_token").asText();
    }

    private static String kid(String token) throws Exception {
        return LanternServer.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                StandardCharsets.UTF_8)).path("kid").asText();
    }
}
