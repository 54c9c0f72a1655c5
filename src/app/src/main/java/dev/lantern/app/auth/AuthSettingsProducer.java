package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes {@link AuthSettings} from MicroProfile Config (defaults in microprofile-config.properties). */
@ApplicationScoped
public class AuthSettingsProducer {

    @Produces
    @Singleton
    AuthSettings settings(
            @ConfigProperty(name = "LANTERN_JWT_ISSUER", defaultValue = "lantern") String issuer,
            @ConfigProperty(name = "LANTERN_JWT_AUDIENCE", defaultValue = "lantern") String audience,
            @ConfigProperty(name = "lantern.jwt.access-token-lifetime", defaultValue = "PT15M") Duration access,
            @ConfigProperty(name = "lantern.jwt.refresh-token-lifetime", defaultValue = "P14D") Duration refresh,
            @ConfigProperty(name = "lantern.jwt.key-rotation", defaultValue = "P30D") Duration rotation,
            @ConfigProperty(name = "lantern.jwt.signing-key-file") Optional<String> keyFile,
            @ConfigProperty(name = "lantern.auth.lockout.failures", defaultValue = "5") int failures,
            @ConfigProperty(name = "lantern.auth.lockout.address-failures", defaultValue = "20") int addressFailures,
            @ConfigProperty(name = "lantern.auth.lockout.duration", defaultValue = "PT15M") Duration lockout,
            @ConfigProperty(name = "LANTERN_IDP_ADMIN_GROUP", defaultValue = "lantern-admins") String adminGroup,
            @ConfigProperty(name = "lantern.auth.password-change.revoke-api-keys") boolean revokeApiKeys) {
        return new AuthSettings(issuer, audience, access, refresh, rotation, keyFile.filter(s -> !s.isBlank()),
                failures, addressFailures, lockout, adminGroup, revokeApiKeys);
    }
}
