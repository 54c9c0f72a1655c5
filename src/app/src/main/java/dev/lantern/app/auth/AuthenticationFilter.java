package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.identity.CallerIdentity;
import dev.lantern.app.identity.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 *   <li>Opaque API keys ({@code Bearer lk_…}) are checked against their stored hashes, and a Lantern token's
 *       key against the revoked ones ({@link SigningKeys#accepts}: MicroProfile JWT caches keys), by
 *       {@link CallerIdentification}, which the servlet filter {@link CallerFilter} runs first.</li>
 *   <li>This filter (priority AUTHENTICATION, before Liberty's) takes that {@link Caller}, sets a
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
    private final Map<Method, AccessRule> rules = new ConcurrentHashMap<>();

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    CallerIdentification identification;

    @Inject
    SecurityEvents events;

    @Inject
    ClientAddress clientAddress;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        AccessRule rule = method == null ? AccessRule.OPEN
                : rules.computeIfAbsent(method, m -> AccessRule.of(resource.getResourceClass(), m));
        String bearer = CallerIdentification.bearer(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<CallerIdentity> identity = identity();
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

    /** Who {@link CallerFilter} found; a request that did not pass it (a forward) is identified here. */
    private Optional<CallerIdentity> identity() {
        if (request.getAttribute(CallerFilter.IDENTIFIED) != null) {
            return caller.isAuthenticated() ? Optional.of(caller.identity()) : Optional.empty();
        }
        return identification.identify(request);
    }
}
