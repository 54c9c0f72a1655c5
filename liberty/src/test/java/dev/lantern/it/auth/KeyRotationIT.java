package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    private static String kid(String token) throws Exception {
        return LanternServer.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                StandardCharsets.UTF_8)).path("kid").asText();
    }
}
