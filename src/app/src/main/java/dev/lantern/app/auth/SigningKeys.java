package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The RS256 key pairs that sign access tokens. A key given in {@code lantern.jwt.signing-key-file} (PEM,
 * PKCS#8) is the only one; otherwise a 2048-bit key is generated at first use and stored in the database, so
 * every server sharing it signs alike, and a new one is made once the newest is older than
 * {@code lantern.jwt.key-rotation}. The JWKS publishes the newest key and every older key whose successor
 * is younger than an access token's lifetime (plus a margin), so tokens signed just before a rotation stay
 * valid; kids start with {@code lantern-}. A rotation may revoke every earlier key (a compromised one): it
 * leaves the JWKS, and {@link #accepts} refuses tokens it signed at once on this server and within
 * {@code RELOAD} on the others, whatever MicroProfile JWT has cached.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final Duration RELOAD = Duration.ofSeconds(10);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    @Inject
    SigningKeyRepository repository;

    @Inject
    AuthSettings settings;

    private volatile Snapshot snapshot;

    /** The key to sign with now. */
    public synchronized RsaJsonWebKey current() {
        Snapshot keys = load();
        if (settings.signingKeyFile().isEmpty()
                && keys.newest().createdAt().plus(settings.keyRotation()).isBefore(Instant.now())) {
            keys = generate();
        }
        return keys.newest().key();
    }

    /** The public keys clients and MicroProfile JWT verify with (never a revoked one). */
    public String jwks() {
        List<Entry> valid = load().valid();
        Instant cutoff = Instant.now().minus(settings.accessTokenLifetime()).minus(MARGIN);
        List<JsonWebKey> published = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            if (i == 0 || valid.get(i - 1).createdAt().isAfter(cutoff)) {
                published.add(valid.get(i).key());
            }
        }
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /**
     * Whether a token signed with {@code kid} (verified by MicroProfile JWT) may be accepted: the key is known
     * and not revoked. A kid this server has not seen yet (made by another server) reloads the keys once.
     */
    public boolean accepts(String kid) {
        Snapshot keys = load();
        if (keys.entries().stream().noneMatch(entry -> entry.key().getKeyId().equals(kid))) {
            synchronized (this) {
                snapshot = null;
                keys = load();
            }
        }
        return keys.valid().stream().anyMatch(entry -> entry.key().getKeyId().equals(kid));
    }

    /**
     * Makes a new signing key now (generated keys only); older keys keep verifying unless
     * {@code revokePrevious}, which revokes every one of them at once.
     */
    public synchronized Rotation rotate(boolean revokePrevious) {
        if (settings.signingKeyFile().isPresent()) {
            throw new LanternException(ErrorCode.CONFLICT, "The signing key comes from lantern.jwt.signing-key-file: "
                    + "replace the file and restart the server to change it.");
        }
        String kid = generate().newest().key().getKeyId();
        List<String> revoked = revokePrevious ? repository.revokeAllBut(kid) : List.of();
        if (!revoked.isEmpty()) {
            snapshot = null;
            LOG.warning(() -> "Revoked access-token signing keys " + revoked + ": tokens they signed are refused");
        }
        return new Rotation(kid, revoked);
    }

    private synchronized Snapshot generate() {
        if (settings.signingKeyFile().isPresent()) {
            throw new IllegalStateException("the signing key comes from lantern.jwt.signing-key-file");
        }
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            describe(key);
            repository.add(new SigningKey(key.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256,
                    key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), Instant.now()));
            LOG.info(() -> "Generated access-token signing key " + key.getKeyId());
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
        snapshot = null;
        return load();
    }

    private synchronized Snapshot load() {
        Snapshot keys = snapshot;
        if (keys != null && keys.loadedAt().plus(RELOAD).isAfter(Instant.now())) {
            return keys;
        }
        List<Entry> entries = new ArrayList<>();
        if (settings.signingKeyFile().isPresent()) {
            entries.add(new Entry(fromPem(Path.of(settings.signingKeyFile().get())), Instant.EPOCH, false));
        } else {
            for (SigningKey stored : repository.newestFirst()) {
                entries.add(new Entry(parse(stored.jwk()), stored.createdAt(), stored.revoked()));
            }
            if (entries.stream().allMatch(Entry::revoked)) {
                return generate();
            }
        }
        keys = new Snapshot(List.copyOf(entries), Instant.now());
        snapshot = keys;
        return keys;
    }

    private static RsaJsonWebKey parse(String json) {
        try {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException("a stored signing key cannot be read", e);
        }
    }

    static RsaJsonWebKey fromPem(Path file) {
        try {
            String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RsaJsonWebKey key = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())));
            key.setPrivateKey(privateKey);
            describe(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file", e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key file is not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static void describe(RsaJsonWebKey key) {
        key.setKeyId("lantern-" + key.calculateBase64urlEncodedThumbprint("SHA-256").substring(0, 16));
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
    }

    record Entry(RsaJsonWebKey key, Instant createdAt, boolean revoked) {
    }

    record Snapshot(List<Entry> entries, Instant loadedAt) {
        /** The newest key that is not revoked: the one to sign with. */
        Entry newest() {
            return valid().get(0);
        }

        List<Entry> valid() {
            return entries.stream().filter(entry -> !entry.revoked()).toList();
        }
    }

    /** A rotation's new key and the keys it revoked. */
    public record Rotation(String kid, List<String> revoked) {
    }
}
