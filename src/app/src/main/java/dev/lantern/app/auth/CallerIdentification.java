package dev.lantern.app.auth;

import dev.lantern.app.identity.CallerIdentity;
import dev.lantern.app.identity.ClientAddress;
import dev.lantern.app.identity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Who sent a request, from its bearer: a JWT that MicroProfile JWT verified (Lantern's own, whose key must
 * not be revoked and whose user must be enabled; or the identity provider's, whose subject gets the
 * {@code idp:} namespace), or an API key checked against its stored hash. Empty when neither holds.
 */
@ApplicationScoped
public class CallerIdentification {

    private static final int MAX_PROVIDER_SUBJECT = 200;

    @Inject
    ApiKeys apiKeys;

    @Inject
    ActiveUsers activeUsers;

    @Inject
    SecurityEvents events;

    @Inject
    AuthSettings settings;

    @Inject
    ClientAddress clientAddress;

    @Inject
    SigningKeys signingKeys;

    public Optional<CallerIdentity> identify(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return fromToken(jwt, request);
        }
        String bearer = bearer(request.getHeader("Authorization"));
        if (bearer != null && ApiKeys.looksLikeKey(bearer)) {
            return apiKeys.authenticate(bearer);
        }
        return Optional.empty();
    }

    /** The value of an {@code Authorization: Bearer} header, or null. */
    static String bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).trim();
        return value.isEmpty() ? null : value;
    }

    private Optional<CallerIdentity> fromToken(JsonWebToken jwt, HttpServletRequest request) {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        String email = text(jwt.getClaim("upn")).orElse(jwt.getName());
        if (settings.issuer().equals(jwt.getIssuer())) {
            if (!signingKeys.accepts(keyId(jwt.getRawToken()))) {
                events.record(SecurityEvents.Type.INVALID_TOKEN, jwt.getSubject(), clientAddress.of(request));
                return Optional.empty();
            }
            if (!activeUsers.isEnabled(jwt.getSubject())) {
                events.record(SecurityEvents.Type.DISABLED_ACCOUNT, jwt.getSubject(), clientAddress.of(request));
                return Optional.empty();
            }
            Set<String> roles = new LinkedHashSet<>(groups);
            roles.retainAll(Roles.ALL);
            return Optional.of(new CallerIdentity(jwt.getSubject(), email, roles, Optional.empty()));
        }
        Set<String> roles = groups.contains(settings.idpAdminGroup()) ? Set.of(Roles.USER, Roles.ADMIN) : Set.of(Roles.USER);
        return Optional.of(new CallerIdentity(providerSubject(jwt.getSubject()), text(jwt.getClaim("email")).orElse(email),
                roles, Optional.empty()));
    }

    /**
     * The provider's {@code sub} in a namespace of its own, so that it can never equal a Lantern user id (and
     * reach that user's documents); a very long one by its hash, to fit the owner columns (255).
     */
    static String providerSubject(String sub) {
        return CallerIdentity.PROVIDER_PREFIX + (sub.length() > MAX_PROVIDER_SUBJECT ? "#" + Secrets.sha256(sub) : sub);
    }

    /** The {@code kid} of a verified token's header (MicroProfile JWT does not expose the header). */
    private static String keyId(String rawToken) {
        try {
            return JsonWebStructure.fromCompactSerialization(rawToken).getKeyIdHeaderValue();
        } catch (JoseException e) {
            return null;
        }
    }

    /** A claim as text: MicroProfile JWT gives custom claims as JSON-P values. */
    private static Optional<String> text(Object claim) {
        if (claim instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return claim == null ? Optional.empty() : Optional.of(String.valueOf(claim));
    }
}
