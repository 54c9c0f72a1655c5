package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs short-lived access tokens (RS256) with the MicroProfile JWT claims: {@code iss}, {@code aud},
 * {@code sub} (the user id), {@code upn} (the email), {@code groups} (the roles), {@code jti}, {@code iat},
 * {@code exp}. The header puts {@code kid} first so that its encoding starts with {@code eyJraWQi}: the
 * server's authentication filter tells Lantern's tokens from an identity provider's by that prefix.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    SigningKeys keys;

    @Inject
    AuthSettings settings;

    public String accessToken(UserAccount user) {
        RsaJsonWebKey key = keys.current();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.issuer());
        claims.setAudience(settings.audience());
        claims.setSubject(user.id());
        claims.setClaim("upn", user.email());
        claims.setStringListClaim("groups", new ArrayList<>(user.roles()));
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate expires = NumericDate.fromSeconds(now.getValue() + settings.accessTokenLifetime().toSeconds());
        claims.setExpirationTime(expires);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(key.getRsaPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }

    public long lifetimeSeconds() {
        return settings.accessTokenLifetime().toSeconds();
    }
}
