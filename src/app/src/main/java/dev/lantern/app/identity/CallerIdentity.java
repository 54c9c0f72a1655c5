package dev.lantern.app.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, as an immutable value: keep it (not the request-scoped {@link Caller}) when work goes
 * on after the request, on another thread. {@code subject} is the stable user id (a UUID for Lantern's own
 * users, the identity provider's {@code sub} for its users); {@code apiKeyId} is set when an API key was used.
 */
public record CallerIdentity(String subject, String email, Set<String> roles, Optional<String> apiKeyId) {

    public static final CallerIdentity ANONYMOUS = new CallerIdentity(null, null, Set.of(), Optional.empty());

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean isAuthenticated() {
        return subject != null;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
