package dev.lantern.app.auth;

import dev.lantern.app.identity.Caller;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /auth/me}: who the server takes the caller to be (from the access token or API key), so a
 * client can check its credentials; anonymous callers get {@code "authenticated": false}. Being trivial, it
 * is also what bench/ratelimit measures the cost of authentication and rate limiting on.
 */
@Path("/auth/me")
@RequestScoped
@RateLimited("default")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's identity: subject, email, roles, API key id")
    @APIResponse(responseCode = "200", description = "The caller")
    public Me me() {
        return new Me(caller.isAuthenticated(), caller.subject(), caller.email(), List.copyOf(caller.roles()),
                caller.apiKeyId().orElse(null));
    }

    /** The body of {@code GET /auth/me}. */
    @JsonbNillable
    public record Me(boolean authenticated, String subject, String email, List<String> roles,
            @JsonbProperty("api_key_id") String apiKeyId) {
    }
}
