package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/api-keys}: the caller's API keys, used as {@code Authorization: Bearer <key>}. */
@Path("/v1/api-keys")
@RequestScoped
@RateLimited("default")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class ApiKeyResource {

    @Inject
    ApiKeys apiKeys;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Create an API key; its value is in this answer only")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CreatedKey.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response create(@Valid @NotNull NewKey body) {
        ApiKeys.Created created = apiKeys.create(caller.identity(), body.name());
        return Response.status(Response.Status.CREATED).entity(new CreatedKey(created.key().id(), created.value(),
                created.key().name(), created.key().createdAt())).build();
    }

    @GET
    @Operation(summary = "The caller's active API keys (without their values)")
    @APIResponse(responseCode = "200", description = "The keys")
    public List<KeyView> list() {
        return apiKeys.list(caller.identity()).stream()
                .map(key -> new KeyView(key.id(), key.name(), key.createdAt())).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of the caller's API keys")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response revoke(@PathParam("id") String id) {
        apiKeys.revoke(caller.identity(), id);
        return Response.noContent().build();
    }

    /** The body of {@code POST /v1/api-keys}. */
    @Schema(name = "NewApiKey")
    public record NewKey(@NotBlank @Size(max = 100) String name) {
    }

    /** A new key, with its value (shown once). */
    @Schema(name = "CreatedApiKey")
    public record CreatedKey(String id, String key, String name, @JsonbProperty("created_at") Instant createdAt) {
        @Override
        public String toString() {
            return "CreatedKey[id=" + id + "]";
        }
    }

    /** A key as listed (no value). */
    @Schema(name = "ApiKey")
    public record KeyView(String id, String name, @JsonbProperty("created_at") Instant createdAt) {
    }
}
