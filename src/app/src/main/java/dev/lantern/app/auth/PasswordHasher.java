package dev.lantern.app.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Password hashes by Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256, 600,000 iterations
 * by default (OWASP's 2023 figure), 32-byte salt and key. Its encoded form carries the algorithm, iterations
 * and salt, so raising the iteration count later still verifies old hashes.
 *
 * <p>{@link #verifyOrWaste} also spends the same work when there is no user, so that a login for an
 * unknown address takes as long as one with a wrong password.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    AuthSettings settings;

    private volatile String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(MIN_ITERATIONS, settings.passwordIterations())),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** True when the password matches; with no stored hash, the same work is done and false returned. */
    public boolean verifyOrWaste(char[] password, String storedHash) {
        if (storedHash == null) {
            pbkdf2.verify(password, decoy());
            return false;
        }
        return pbkdf2.verify(password, storedHash);
    }

    private String decoy() {
        String value = decoy;
        if (value == null) {
            char[] random = new char[24];
            SecureRandom rng = new SecureRandom();
            for (int i = 0; i < random.length; i++) {
                random[i] = (char) ('a' + rng.nextInt(26));
            }
            value = pbkdf2.generate(random);
            decoy = value;
        }
        return value;
    }
}
