package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.identity.CallerIdentity;
import dev.lantern.app.identity.ClientAddress;
import dev.lantern.app.identity.Roles;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Authentication and authorization of every JAX-RS request, so that every 401 and 403 carries the
 * catalogue's body and the request id.
 *
 * <p>Why this shape (measured on Liberty 25.0.0.11): JAX-RS resources are not protected URLs for the web
 * container, so Liberty's MicroProfile JWT TAI only authenticates a request that carries a token
 * ({@code useAuthenticationDataForUnprotectedResource}); a bad token leaves the request unauthenticated
 * and does not end it. Liberty's own {@code LibertyAuthFilter} (priority AUTHORIZATION+1) then enforces
 * {@code @RolesAllowed}: it first asks the JAX-RS {@code SecurityContext}, and for an unauthenticated caller
 * calls {@code request.authenticate()} and aborts with a bare 401 (no body; the web.xml error page is not
 * used for it). And MicroProfile JWT on Liberty has no {@code JWTParser} to verify a token in application
 * code. So:
 * <ul>
 *   <li>Lantern's access tokens are verified by MicroProfile JWT (the TAI; the {@code mpJwt} element of
 *       server.xml pins issuer, audience, RS256, the JWKS and a 30 s clock skew), and so are a configured
 *       identity provider's (a second {@code mpJwt}). Their {@code authFilterRef}s split JWTs by header
 *       (Lantern's start {@code {"kid":"lantern}) and keep the TAI away from API keys, which it would reject
 *       as malformed. Here a verified token arrives as the request's {@link JsonWebToken} principal; a
 *       bearer that is neither verified nor a valid key leaves no identity.</li>
 *   <li>Opaque API keys ({@code Bearer lk_…}) are checked here against their stored hashes, and a Lantern
 *       token's key against the revoked ones ({@link SigningKeys#accepts}): MicroProfile JWT caches keys.</li>
 *   <li>This filter (priority AUTHENTICATION, before Liberty's) fills {@link Caller}, sets a
 *       {@code SecurityContext} for the identity, and applies {@code @RolesAllowed}/{@code @PermitAll}/
 *       {@code @DenyAll} itself by throwing catalogue errors: 401 {@code UNAUTHORIZED} when no identity,
 *       403 {@code FORBIDDEN} when the role is missing. Liberty's filter then only ever sees callers that
 *       are allowed, and never answers itself.</li>
 * </ul>
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final String CHALLENGE = "Bearer realm=\"lantern\"";
    private static final int MAX_PROVIDER_SUBJECT = 200;
    private final Map<Method, AccessRule> rules = new ConcurrentHashMap<>();

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

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

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        AccessRule rule = method == null ? AccessRule.OPEN
                : rules.computeIfAbsent(method, m -> AccessRule.of(resource.getResourceClass(), m));
        String bearer = bearer(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<CallerIdentity> identity = identify(bearer);
        identity.ifPresent(established -> {
            caller.establish(established);
            context.setSecurityContext(new CallerSecurityContext(established, context.getSecurityContext()));
        });
        if (rule.open()) {
            return;
        }
        if (identity.isEmpty()) {
            if (bearer != null) {
                events.record(ApiKeys.looksLikeKey(bearer) ? SecurityEvents.Type.INVALID_API_KEY
                        : SecurityEvents.Type.INVALID_TOKEN, null, clientAddress.of(request));
            }
            throw new LanternException(ErrorCode.UNAUTHORIZED, bearer == null ? ErrorCode.UNAUTHORIZED.defaultMessage()
                    : "The bearer token is not valid: it is expired, revoked, malformed or not signed by a trusted issuer.")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE,
                            bearer == null ? CHALLENGE : CHALLENGE + ", error=\"invalid_token\"");
        }
        if (!rule.allows(identity.get().roles())) {
            throw new LanternException(ErrorCode.FORBIDDEN);
        }
    }

    private Optional<CallerIdentity> identify(String bearer) {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return fromToken(jwt);
        }
        if (bearer != null && ApiKeys.looksLikeKey(bearer)) {
            return apiKeys.authenticate(bearer);
        }
        return Optional.empty();
    }

    private Optional<CallerIdentity> fromToken(JsonWebToken jwt) {
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

    private static String bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).trim();
        return value.isEmpty() ? null : value;
    }
}
