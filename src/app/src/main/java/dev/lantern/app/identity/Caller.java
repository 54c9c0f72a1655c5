package dev.lantern.app.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of the current request, filled by the authentication filter (package {@code auth}) from the
 * access token (verified by MicroProfile JWT) or the API key, before any resource method runs. Anonymous until then, and on
 * endpoints that need no authentication when none was sent. Inject it into resources and services; hand
 * {@link #identity()} to work that outlives the request.
 */
@RequestScoped
public class Caller {

    private CallerIdentity identity = CallerIdentity.ANONYMOUS;

    /** The stable user id, or null when anonymous. */
    public String subject() {
        return identity.subject();
    }

    public String email() {
        return identity.email();
    }

    public Set<String> roles() {
        return identity.roles();
    }

    public boolean isAdmin() {
        return identity.isAdmin();
    }

    public boolean isAuthenticated() {
        return identity.isAuthenticated();
    }

    /** The API key's id when the request was authenticated by one. */
    public Optional<String> apiKeyId() {
        return identity.apiKeyId();
    }

    public CallerIdentity identity() {
        return identity;
    }

    /** Called once per request by the authentication filter, which alone decides who the caller is. */
    public void establish(CallerIdentity established) {
        this.identity = established;
    }
}
