package dev.lantern.it.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Makes tokens for the negative tests: with the server's real signing key (read from the test database,
 * where the server keeps it) so that only the one thing under test is wrong, or with a key of its own.
 */
public final class TokenForge {

    private TokenForge() {
    }

    /**
     * A valid token of the first administrator's account carrying only {@code groups}: what another feature's
     * tests need to see a role they do not grant answered 403.
     */
    public static String administratorWithGroups(List<String> groups) throws Exception {
        JsonNode claims = LanternServer.JSON.readTree(new String(Base64.getUrlDecoder().decode(
                AuthClient.adminToken().split("\\.")[1]), StandardCharsets.UTF_8));
        return rs256(claims(claims.path("sub").asText(), claims.path("upn").asText(), groups), serverKey());
    }

    /** The server's newest signing key, private part included. */
    static RsaJsonWebKey serverKey() throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getProperty("lantern.it.db.url"),
                System.getProperty("lantern.it.db.user"), System.getProperty("lantern.it.db.password"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT jwk FROM signing_key ORDER BY created_at DESC LIMIT 1")) {
            if (!row.next()) {
                throw new AssertionError("no signing key in the database yet (log in first)");
            }
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(row.getString(1));
        }
    }

    /** A foreign key that claims the server key's kid. */
    static RsaJsonWebKey foreignKey(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }

    /** Claims as Lantern issues them for a subject, valid now for 15 minutes. */
    static JwtClaims claims(String subject, String email, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("lantern");
        claims.setAudience("lantern");
        claims.setSubject(subject);
        claims.setClaim("upn", email);
        claims.setStringListClaim("groups", groups);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 900));
        return claims;
    }

    static String rs256(JwtClaims claims, RsaJsonWebKey key) throws Exception {
        return sign(claims, key.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256, key.getRsaPrivateKey());
    }

    static String hs256(JwtClaims claims, String kid, String secret) throws Exception {
        byte[] bytes = java.util.Arrays.copyOf(secret.getBytes(StandardCharsets.UTF_8), 32);
        return sign(claims, kid, AlgorithmIdentifiers.HMAC_SHA256, new SecretKeySpec(bytes, "HmacSHA256"));
    }

    /** The claims with {@code "alg": "none"} and an empty signature. */
    static String unsigned(JwtClaims claims, String kid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"kid\":\"" + kid + "\",\"alg\":\"none\",\"typ\":\"JWT\"}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String sign(JwtClaims claims, String kid, String algorithm, Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

}
