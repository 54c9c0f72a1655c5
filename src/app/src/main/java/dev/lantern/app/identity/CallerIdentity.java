package dev.lantern.app.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, as an immutable value: keep it (not the request-scoped {@link Caller}) when work goes
 * on after the request, on another thread. {@code subject} is the stable user id: a UUID for Lantern's own
 * users, {@value #PROVIDER_PREFIX} and the identity provider's {@code sub} for its users (a namespace of
 * their own: a {@code sub} equal to a Lantern user's id is another person); {@code apiKeyId} is set when an
 * API key was used.
 */
public record CallerIdentity(String subject, String email, Set<String> roles, Optional<String> apiKeyId) {

    public static final CallerIdentity ANONYMOUS = new CallerIdentity(null, null, Set.of(), Optional.empty());
    public static final String PROVIDER_PREFIX = "idp:";

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean isAuthenticated() {
        return subject != null;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Authenticated by a token of the company identity provider, not by a Lantern account. */
    public boolean isFromIdentityProvider() {
        return subject != null && subject.startsWith(PROVIDER_PREFIX);
    }

    /** Authenticated by an access token of Lantern's own login (a password session), not an API key or a provider's token. */
    public boolean hasPasswordSession() {
        return isAuthenticated() && apiKeyId.isEmpty() && !isFromIdentityProvider();
    }
}
