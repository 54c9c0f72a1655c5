package dev.lantern.app.generation;

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
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tutorial's {@code POST /generate}: {@code {"text", ...sampling}} answered with {@code {"response"}}. */
@Path("/generate")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@RateLimited("generation")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Generation")
@SecurityRequirement(name = "bearer")
public class GenerateResource {

    @Inject
    GenerationPipeline pipeline;

    @POST
    @Operation(summary = "Answer a text (the tutorial's route)",
            description = "The text is sent to the model as one user turn of its chat template.")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GenerateResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (param names the field) or TOKEN_LIMIT_EXCEEDED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no or bad bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the role does not allow it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "MODEL_NOT_FOUND",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "500", description = "INTERNAL_ERROR",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "MODEL_NOT_READY, or OVERLOADED with Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "504", description = "TIMEOUT: generation exceeded its time limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<Response> generate(@NotNull @Valid GenerateRequest body) {
        return pipeline.answer(new GenerateShape(body));
    }
}
