package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lantern.it.LanternServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * A company identity provider, played by this test (its JWKS served on a local port), switched on at run
 * time by a configDropins file that includes includes/idp-jwks.xml with its variables (what LANTERN_IDP=jwks
 * does at start; an include's location is resolved before drop-in variables, so the switch itself cannot
 * be flipped at run time): its tokens are verified by MicroProfile JWT, its admin group maps to the admin
 * role, and Lantern's own tokens keep working.
 */
class IdentityProviderIT {

    private static final String ISSUER = "https://idp.example.test/realms/acme";
    private static final Path DROPIN = LanternServer.serverDir().resolve("configDropins/overrides/idp-it.xml");

    @Test
    void tokensOfTheConfiguredIdentityProviderAreAccepted() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("acme-1");
        byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
        String own = AuthClient.adminToken();
        try {
            Files.writeString(DROPIN, "<server>"
                    + "<include location=\"${server.config.dir}/includes/idp-jwks.xml\"/>"
                    + "<variable name=\"LANTERN_IDP_ISSUER\" value=\"" + ISSUER + "\"/>"
                    + "<variable name=\"LANTERN_IDP_JWKS_URL\" value=\"http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks\"/>"
                    + "</server>");
            String employee = TokenForge.rs256(claims("employee-42", List.of("staff")), key);
            JsonNode me = awaitAuthenticated(employee);
            assertEquals("employee-42@acme.test", me.path("email").asText());
            assertEquals("[\"user\"]", me.path("roles").toString());
            AuthClient.assertError(AuthClient.get("/stats/errors", employee), 403, "FORBIDDEN");

            String admin = TokenForge.rs256(claims("boss-1", List.of("staff", "lantern-admins")), key);
            assertEquals(200, AuthClient.get("/stats/errors", admin).statusCode(), "the admin group maps to admin");

            JwtClaims otherAudience = claims("employee-42", List.of("staff"));
            otherAudience.setAudience("payroll");
            AuthClient.assertError(AuthClient.get("/v1/api-keys", TokenForge.rs256(otherAudience, key)), 401, "UNAUTHORIZED");
            RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
            stranger.setKeyId("acme-1");
            AuthClient.assertError(AuthClient.get("/v1/api-keys",
                    TokenForge.rs256(claims("employee-42", List.of("staff")), stranger)), 401, "UNAUTHORIZED");

            HttpResponse<String> apiKey = AuthClient.post("/v1/api-keys", employee, Map.of("name", "laptop"));
            JsonNode refused = AuthClient.assertError(apiKey, 403, "FORBIDDEN");
            assertTrue(refused.path("message").asText().contains("identity provider"), refused.toString());

            // A provider's sub equal to a Lantern user's id is another person: it must not reach that user's documents.
            String[] user = AuthClient.newUser("user");
            String userToken = AuthClient.tokens(user[1], user[2]).path("access_token").asText();
            HttpResponse<String> uploaded = upload(userToken, "private-notes.txt", "Quarterly numbers, not for sharing.");
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            String impostor = TokenForge.rs256(claims(user[0], List.of("staff")), key);
            HttpResponse<String> listed = AuthClient.get("/v1/documents", impostor);
            assertEquals(200, listed.statusCode(), listed.body());
            assertTrue(!listed.body().contains("private-notes.txt"), "the provider's user sees the Lantern user's documents: "
                    + listed.body());

            assertEquals("idp:employee-42", me.path("subject").asText(), "the provider's subjects have a namespace of their own");
            assertEquals(200, AuthClient.get("/stats/errors", own).statusCode(), "Lantern's own tokens still work");
        } finally {
            Files.deleteIfExists(DROPIN);
            idp.stop(0);
        }
    }

    private static JwtClaims claims(String subject, List<String> groups) {
        JwtClaims claims = TokenForge.claims(subject, subject + "@acme.test", groups);
        claims.setIssuer(ISSUER);
        claims.setClaim("email", subject + "@acme.test");
        return claims;
    }

    /** A one-part multipart upload of a text file. */
    private static HttpResponse<String> upload(String token, String filename, String text) throws Exception {
        String boundary = "it-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return LanternServer.client().send(HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + "/v1/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The configuration change takes a few seconds to reach the server. */
    private static JsonNode awaitAuthenticated(String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> response = AuthClient.get("/auth/me", token);
        while (!LanternServer.json(response).path("authenticated").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = AuthClient.get("/auth/me", token);
        }
        JsonNode me = LanternServer.json(response);
        assertTrue(me.path("authenticated").asBoolean(), "the identity provider's token was not accepted: " + response.body());
        return me;
    }
}
