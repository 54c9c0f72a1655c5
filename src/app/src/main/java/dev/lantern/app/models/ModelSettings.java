package dev.lantern.app.models;

import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.batch.SchedulerLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How models are found and run, read once from MicroProfile Config (defaults in
 * microprofile-config.properties; {@code LANTERN_*} environment variables win).
 */
public record ModelSettings(List<ModelSpec> models, RuntimeOptions runtime, SchedulerLimits limits, int lanes) {

    public ModelSpec defaultModel() {
        return models.get(0);
    }

    /** Produces the settings for injection (records cannot be CDI beans themselves). */
    @ApplicationScoped
    public static class Producer {

        @Inject
        @ConfigProperty(name = "LANTERN_MODELS")
        String models;

        @Inject
        @ConfigProperty(name = "LANTERN_DEFAULT_MODEL")
        Optional<String> defaultModel;

        @Inject
        @ConfigProperty(name = "lantern.models.cuda", defaultValue = "false")
        boolean cuda;

        @Inject
        @ConfigProperty(name = "lantern.models.intra-op-threads", defaultValue = "0")
        int intraOpThreads;

        @Inject
        @ConfigProperty(name = "lantern.models.optimization", defaultValue = "all")
        String optimization;

        @Inject
        @ConfigProperty(name = "lantern.models.onnx-file", defaultValue = "auto")
        String onnxFile;

        @Inject
        @ConfigProperty(name = "lantern.scheduler.max-batch-size", defaultValue = "8")
        int maxBatchSize;

        @Inject
        @ConfigProperty(name = "lantern.scheduler.max-queued-requests", defaultValue = "64")
        int maxQueuedRequests;

        @Inject
        @ConfigProperty(name = "lantern.scheduler.max-queued-tokens", defaultValue = "65536")
        int maxQueuedTokens;

        @Inject
        @ConfigProperty(name = "lantern.scheduler.admission-window", defaultValue = "PT0.005S")
        Duration admissionWindow;

        @Inject
        @ConfigProperty(name = "lantern.scheduler.lanes", defaultValue = "0")
        int lanes;

        /** Dependent: a record cannot be proxied, and its one consumer is the registry singleton. */
        @Produces
        ModelSettings settings() {
            return new ModelSettings(ModelSpec.parse(models, defaultModel),
                    RuntimeOptions.of(cuda, intraOpThreads, optimization, onnxFile),
                    new SchedulerLimits(maxBatchSize, maxQueuedRequests, maxQueuedTokens, admissionWindow), lanes);
        }
    }
}
