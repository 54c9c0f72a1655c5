package dev.lantern.app.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the default model is loaded (API contract: {@code /health/ready} is 503 until then). Other
 * models and the embedding model are reported in the data but do not hold readiness back: a server whose
 * default model works can serve most requests, and asking for a model still loading answers 503 itself.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject
    ModelRegistry registry;

    @Override
    public HealthCheckResponse call() {
        ServedModel main = registry.defaultModel();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("models")
                .status(main.state() == ModelState.READY)
                .withData("default", main.id());
        for (ServedModel model : registry.languageModels()) {
            response.withData(model.id(), model.state().name());
        }
        return response.withData(ModelRegistry.EMBEDDING_MODEL_ID, registry.embeddingState().name()).build();
    }
}
