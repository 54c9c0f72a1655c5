package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.QueryParameters;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /admin/keys/rotate}: a new access-token signing key now; tokens already issued stay valid, unless
 * {@code ?revoke_previous=true} revokes every earlier key (one that leaked) and with it every token it signed.
 */
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

    @Inject
    TokenVerifierWarmUp verifier;

    @POST
    @Path("/rotate")
    @Operation(summary = "Rotate the access-token signing key (generated keys only); with revoke_previous=true "
            + "every earlier key is revoked at once (a compromised key): the tokens it signed are refused")
    @APIResponse(responseCode = "200", description = "The new key's id and the keys revoked: {\"kid\", \"revoked\"}")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: revoke_previous is not true or false",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "CONFLICT: the key comes from lantern.jwt.signing-key-file",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public JsonObject rotate(@Parameter(description = "revoke every earlier key now",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("revoke_previous") @DefaultValue("false") String revokePrevious) {
        SigningKeys.Rotation rotation = keys.rotate(QueryParameters.flag("revoke_previous", revokePrevious));
        verifier.showSoon();
        return Json.createObjectBuilder().add("kid", rotation.kid())
                .add("revoked", Json.createArrayBuilder(rotation.revoked())).build();
    }
}
