package dev.lantern.app.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Authentication settings, read once from MicroProfile Config by {@link AuthSettingsProducer}. Issuer, audience and
 * the JWKS address are server.xml variables, because the {@code mpJwt} element pins them too.
 *
 * @param passwordIterations       PBKDF2 iterations of new password hashes (never fewer than 600,000)
 * @param manageConsoleAccount     whether the first administrator is also the admin console's account
 * @param serverConfigDir          Liberty's server configuration folder, where the console's drop-in goes
 * @param jwksUri                  where MicroProfile JWT reads Lantern's public keys (this server)
 */
public record AuthSettings(
        String issuer,
        String audience,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration keyRotation,
        Optional<String> signingKeyFile,
        int lockoutFailures,
        int lockoutAddressFailures,
        Duration lockoutDuration,
        String idpAdminGroup,
        boolean passwordChangeRevokesApiKeys,
        int passwordIterations,
        boolean manageConsoleAccount,
        String serverConfigDir,
        URI jwksUri) {

    public AuthSettings {
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("lantern.jwt.access-token-lifetime must be positive");
        }
        lockoutFailures = Math.max(1, lockoutFailures);
        lockoutAddressFailures = Math.max(lockoutFailures, lockoutAddressFailures);
    }
}
