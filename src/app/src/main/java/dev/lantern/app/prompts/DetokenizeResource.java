package dev.lantern.app.prompts;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** {@code POST /detokenize}: vLLM's /detokenize: the text of the ids, special tokens written out. */
@Path("/detokenize")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@RateLimited("default")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prompts")
@SecurityRequirement(name = "bearer")
public class DetokenizeResource {

    @Inject
    PromptService prompts;

    @POST
    @Operation(summary = "The text of token ids", description = "vLLM's /detokenize: the text of the ids, special tokens written out.")
    @APIResponse(responseCode = "200", description = "The text of token ids",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromptText.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (param names the field)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no or bad bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the role does not allow it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "MODEL_NOT_FOUND",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "MODEL_NOT_READY",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public PromptText detokenize(@NotNull @Valid DetokenizeRequest body) {
        return prompts.detokenize(body);
    }
}
