package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes {@link AuthSettings} and the {@link ConfiguredAdministrator} from MicroProfile Config (defaults in
 * microprofile-config.properties, or server.xml for what Liberty reads too).
 */
@ApplicationScoped
public class AuthSettingsProducer {

    @Produces
    @Singleton
    AuthSettings settings(
            @ConfigProperty(name = "LANTERN_JWT_ISSUER") String issuer,
            @ConfigProperty(name = "LANTERN_JWT_AUDIENCE") String audience,
            @ConfigProperty(name = "lantern.jwt.access-token-lifetime") Duration access,
            @ConfigProperty(name = "lantern.jwt.refresh-token-lifetime") Duration refresh,
            @ConfigProperty(name = "lantern.jwt.key-rotation") Duration rotation,
            @ConfigProperty(name = "lantern.jwt.signing-key-file") Optional<String> keyFile,
            @ConfigProperty(name = "lantern.auth.lockout.failures") int failures,
            @ConfigProperty(name = "lantern.auth.lockout.address-failures") int addressFailures,
            @ConfigProperty(name = "lantern.auth.lockout.duration") Duration lockout,
            @ConfigProperty(name = "lantern.idp.admin-group") String adminGroup,
            @ConfigProperty(name = "lantern.auth.password-change.revoke-api-keys") boolean revokeApiKeys,
            @ConfigProperty(name = "lantern.auth.password.iterations") int iterations,
            @ConfigProperty(name = "lantern.admin.console-account") boolean consoleAccount,
            @ConfigProperty(name = "lantern.server.config.dir") String serverConfigDir,
            @ConfigProperty(name = "LANTERN_JWT_JWKS_URI") URI jwksUri) {
        return new AuthSettings(issuer, audience, access, refresh, rotation, keyFile.filter(s -> !s.isBlank()),
                failures, addressFailures, lockout, adminGroup, revokeApiKeys, iterations, consoleAccount,
                serverConfigDir, jwksUri);
    }

    @Produces
    @Singleton
    ConfiguredAdministrator administrator(@ConfigProperty(name = "LANTERN_ADMIN_EMAIL") Optional<String> email,
                                          @ConfigProperty(name = "LANTERN_ADMIN_PASSWORD") Optional<String> password) {
        return new ConfiguredAdministrator(email.filter(e -> !e.isBlank()), password.filter(p -> !p.isEmpty()));
    }
}
