package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.app.models.ModelState;
import dev.lantern.app.models.ServedModel;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/models}: every configured language model with its readiness, and the embedding model;
 * {@code GET /v1/models/{id}}: one of them.
 */
@Path("/v1/models")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@RateLimited("default")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Generation")
@SecurityRequirement(name = "bearer")
public class ModelsResource {

    @Inject
    ModelRegistry registry;

    @GET
    @Operation(summary = "List the models", description = "The default language model first.")
    @APIResponse(responseCode = "200", description = "The models",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelList.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no or bad bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the role does not allow it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "500", description = "INTERNAL_ERROR",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public ModelList list() {
        List<ModelList.Model> data = new ArrayList<>();
        for (ServedModel m : registry.languageModels()) {
            boolean ready = m.state() == ModelState.READY;
            data.add(new ModelList.Model(m.id(), "model", m.configuredAt().getEpochSecond(), "lantern", "chat",
                    status(m.state()), ready, m.isDefault(), ready ? m.model().config().contextLength() : null));
        }
        ModelState embedding = registry.embeddingState();
        data.add(new ModelList.Model(ModelRegistry.EMBEDDING_MODEL_ID, "model",
                registry.defaultModel().configuredAt().getEpochSecond(), "lantern", "embedding", status(embedding),
                embedding == ModelState.READY, false, 256));
        return new ModelList("list", data);
    }

    /** OpenAI's "retrieve model" ({@code client.models.retrieve(id)}): one entry of the list. */
    @GET
    @Path("/{id}")
    @Operation(summary = "One model, as in the list")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelList.Model.class)))
    @APIResponse(responseCode = "404", description = "MODEL_NOT_FOUND",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public ModelList.Model get(@PathParam("id") String id) {
        return list().data().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> ModelRegistry.notFound(id));
    }

    private static String status(ModelState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
