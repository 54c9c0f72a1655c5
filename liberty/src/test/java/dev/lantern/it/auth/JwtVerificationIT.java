package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The negative matrix of access-token verification (MicroProfile JWT in Liberty): each forged token differs
 * from a valid one in one respect and must get 401 with the catalogue body, on an administrator endpoint,
 * while the same forge's correct token gets 200 (so the forge itself is right).
 */
class JwtVerificationIT {

    private static final String ENDPOINT = "/stats/errors";
    private static RsaJsonWebKey key;
    private static String subject;
    private static String email;

    @BeforeAll
    static void adminAndKey() throws Exception {
        String token = AuthClient.adminToken();
        JsonNode claims = LanternServer.JSON.readTree(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        subject = claims.path("sub").asText();
        email = claims.path("upn").asText();
        key = TokenForge.serverKey();
    }

    private static JwtClaims valid() {
        return TokenForge.claims(subject, email, List.of("admin", "user"));
    }

    private static void rejected(String token) throws Exception {
        HttpResponse<String> response = AuthClient.get(ENDPOINT, token);
        AuthClient.assertError(response, 401, "UNAUTHORIZED");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void theForgesCorrectTokenIsAccepted() throws Exception {
        assertEquals(200, AuthClient.get(ENDPOINT, TokenForge.rs256(valid(), key)).statusCode());
    }

    @Test
    void malformed() throws Exception {
        rejected("eyJhbGciOiJSUzI1NiJ9.not-json.c2ln");
        rejected("eyJ");
    }

    @Test
    void tamperedPayload() throws Exception {
        String[] user = AuthClient.newUser("user");
        String[] parts = AuthClient.tokens(user[1], user[2]).path("access_token").asText().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"user\"]", "[\"admin\",\"user\"]");
        rejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void tamperedSignature() throws Exception {
        String token = TokenForge.rs256(valid(), key);
        char last = token.charAt(token.length() - 5);
        rejected(token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4));
    }

    @Test
    void algorithmNone() throws Exception {
        rejected(TokenForge.unsigned(valid(), key.getKeyId()));
    }

    @Test
    void hs256WithAGuessedSecret() throws Exception {
        rejected(TokenForge.hs256(valid(), key.getKeyId(), "secret"));
        rejected(TokenForge.hs256(valid(), key.getKeyId(), "your-secret-key"));
    }

    @Test
    void aForeignKeyClaimingTheServersKid() throws Exception {
        rejected(TokenForge.rs256(valid(), TokenForge.foreignKey(key.getKeyId())));
    }

    @Test
    void wrongIssuer() throws Exception {
        JwtClaims claims = valid();
        claims.setIssuer("https://evil.example");
        rejected(TokenForge.rs256(claims, key));
    }

    @Test
    void wrongAudience() throws Exception {
        JwtClaims claims = valid();
        claims.setAudience("another-service");
        rejected(TokenForge.rs256(claims, key));
    }

    @Test
    void expiredBeyondTheSkewButNotWithinIt() throws Exception {
        JwtClaims expired = valid();
        expired.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 960));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 60));
        rejected(TokenForge.rs256(expired, key));

        JwtClaims justExpired = valid();
        justExpired.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 905));
        justExpired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 5));
        assertEquals(200, AuthClient.get(ENDPOINT, TokenForge.rs256(justExpired, key)).statusCode(),
                "5 s past expiry is within the 30 s skew");
    }

    @Test
    void notYetValid() throws Exception {
        JwtClaims future = valid();
        future.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 120));
        rejected(TokenForge.rs256(future, key));
    }

    @Test
    void forgedTokensAreSecurityEvents() throws Exception {
        rejected(TokenForge.rs256(valid(), TokenForge.foreignKey(key.getKeyId())));
        String log = Files.readString(LanternServer.messagesLog());
        assertTrue(log.contains("SECURITY invalid_token"), "security event logged");
        String metrics = LanternServer.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("lantern_security_events_total{")
                && line.contains("type=\"invalid_token\"")), "security events counted");
    }
}
