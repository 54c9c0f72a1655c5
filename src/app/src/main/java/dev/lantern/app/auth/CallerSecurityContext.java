package dev.lantern.app.auth;

import dev.lantern.app.identity.CallerIdentity;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The JAX-RS security context of an authenticated {@link CallerIdentity} (what Liberty's role check asks). */
final class CallerSecurityContext implements SecurityContext {

    private final CallerIdentity identity;
    private final boolean secure;

    CallerSecurityContext(CallerIdentity identity, SecurityContext original) {
        this.identity = identity;
        this.secure = original != null && original.isSecure();
    }

    @Override
    public Principal getUserPrincipal() {
        return identity::subject;
    }

    @Override
    public boolean isUserInRole(String role) {
        return identity.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
