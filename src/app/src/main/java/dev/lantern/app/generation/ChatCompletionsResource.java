package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.prompts.ChatPrompts;
import dev.lantern.app.structured.ToolCallSettings;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/chat/completions}: OpenAI's chat completions, whole or streamed as server-sent events. */
@Path("/v1/chat/completions")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@RateLimited("generation")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Generation")
@SecurityRequirement(name = "bearer")
public class ChatCompletionsResource {

    @Inject
    GenerationPipeline pipeline;

    @Inject
    ChatPrompts prompts;

    @Inject
    ToolCallSettings toolCalls;

    @POST
    @Operation(summary = "Answer a chat", description = "With \"stream\": true the answer is a text/event-stream of "
            + "ChatCompletionChunk events (data: {chunk}), ended by data: [DONE], or by one data: {error} event.")
    @APIResponse(responseCode = "200", description = "The completion, or its stream", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatCompletion.class)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = ChatCompletionChunk.class))})
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (param names the field, e.g. "
            + "messages[2].tool_calls[0].function.arguments, or chat_template when requests' templates are not trusted), "
            + "TEMPLATE_ERROR (the chat template refused the conversation: its own message), INVALID_SCHEMA (param "
            + "names the schema keyword Lantern cannot enforce, e.g. response_format.json_schema.schema.properties.age"
            + ".multipleOf) or TOKEN_LIMIT_EXCEEDED",
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
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> create(@NotNull @Valid ChatCompletionRequest body) {
        return pipeline.answer(ChatShape.of(body, prompts, toolCalls));
    }

    /** The same request with {@code "stream": true} ({@link StreamRouting} sends it here). */
    @POST
    @Produces(GenerationPipeline.EVENT_STREAM)
    @Operation(hidden = true)
    public void stream(@NotNull @Valid ChatCompletionRequest body, @Context SseEventSink sink, @Context Sse sse,
                       @Context HttpServletResponse response) {
        pipeline.stream(ChatShape.of(body, prompts, toolCalls), new SseChannel(sink, sse), response);
    }
}
