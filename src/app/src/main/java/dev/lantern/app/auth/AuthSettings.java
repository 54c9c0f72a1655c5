package dev.lantern.app.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Authentication settings, read once from MicroProfile Config by {@link AuthSettingsProducer}. Issuer and
 * audience must be the ones the {@code mpJwt} element of server.xml pins (both read LANTERN_JWT_ISSUER and
 * LANTERN_JWT_AUDIENCE).
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
        boolean passwordChangeRevokesApiKeys) {

    public AuthSettings {
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("lantern.jwt.access-token-lifetime must be positive");
        }
        lockoutFailures = Math.max(1, lockoutFailures);
        lockoutAddressFailures = Math.max(lockoutFailures, lockoutAddressFailures);
    }
}
