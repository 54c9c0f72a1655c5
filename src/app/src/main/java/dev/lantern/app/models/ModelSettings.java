package dev.lantern.app.models;

import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.batch.SchedulerLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
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

        /** Dependent: a record cannot be proxied, and its one consumer is the registry singleton. */
        @Produces
        ModelSettings settings(@ConfigProperty(name = "LANTERN_MODELS") String models,
                               @ConfigProperty(name = "LANTERN_DEFAULT_MODEL") Optional<String> defaultModel,
                               @ConfigProperty(name = "lantern.models.chat-templates") Optional<String> chatTemplates,
                               @ConfigProperty(name = "lantern.models.cuda") boolean cuda,
                               @ConfigProperty(name = "lantern.models.intra-op-threads") int intraOpThreads,
                               @ConfigProperty(name = "lantern.models.optimization") String optimization,
                               @ConfigProperty(name = "lantern.models.onnx-file") String onnxFile,
                               @ConfigProperty(name = "lantern.scheduler.max-batch-size") int maxBatchSize,
                               @ConfigProperty(name = "lantern.scheduler.max-queued-requests") int maxQueuedRequests,
                               @ConfigProperty(name = "lantern.scheduler.max-queued-tokens") int maxQueuedTokens,
                               @ConfigProperty(name = "lantern.scheduler.admission-window") Duration admissionWindow,
                               @ConfigProperty(name = "lantern.scheduler.lanes") int lanes,
                               @ConfigProperty(name = "lantern.prefix-cache.enabled") boolean prefixCache,
                               @ConfigProperty(name = "lantern.prefix-cache.bytes") long prefixCacheBytes) {
            return new ModelSettings(ModelSpec.withChatTemplates(ModelSpec.parse(models, defaultModel),
                    chatTemplates.orElse("")),
                    RuntimeOptions.of(cuda, intraOpThreads, optimization, onnxFile),
                    new SchedulerLimits(maxBatchSize, maxQueuedRequests, maxQueuedTokens, admissionWindow,
                            prefixCache ? prefixCacheBytes : 0), lanes);
        }
    }
}
