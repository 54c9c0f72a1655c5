package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorResponses;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/embeddings}: all-MiniLM-L6-v2 vectors in OpenAI's shape (floats or base64). */
@Path("/v1/embeddings")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@RateLimited("default")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Generation")
@SecurityRequirement(name = "bearer")
public class EmbeddingsResource {

    @Inject
    EmbeddingService service;

    @POST
    @Operation(summary = "Embed texts", description = "One unit-length vector of 384 floats per input.")
    @APIResponse(responseCode = "200", description = "The vectors, in input order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EmbeddingList.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (param names the field) or TOKEN_LIMIT_EXCEEDED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no or bad bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the role does not allow it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "MODEL_NOT_FOUND",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "500", description = "INTERNAL_ERROR",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "MODEL_NOT_READY, or OVERLOADED with Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public EmbeddingList embed(@NotNull @Valid EmbeddingRequest body) {
        return service.embed(body);
    }
}
