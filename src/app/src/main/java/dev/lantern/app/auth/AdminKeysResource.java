package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /admin/keys/rotate}: a new access-token signing key now (tokens already issued stay valid). */
@Path("/admin/keys")
@RequestScoped
@RateLimited("default")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
public class AdminKeysResource {

    @Inject
    SigningKeys keys;

    @POST
    @Path("/rotate")
    @Operation(summary = "Rotate the access-token signing key (generated keys only)")
    @APIResponse(responseCode = "200", description = "The new key's id: {\"kid\"}")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public JsonObject rotate() {
        return Json.createObjectBuilder().add("kid", keys.rotate()).build();
    }
}
