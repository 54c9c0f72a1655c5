package dev.lantern.app.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Placeholder for the auth issue's request-scoped caller (subject, email, roles), written against its
 * announced API so the documents code compiles before auth lands; auth's own class replaces this one.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public String subject() {
        return jwt.getSubject();
    }

    public String email() {
        Object email = jwt.getClaim("email");
        return email == null ? null : email.toString();
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean isAdmin() {
        return roles().contains("admin");
    }
}
