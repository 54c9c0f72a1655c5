package dev.lantern.app.models;

import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.batch.BatchScheduler;
import java.time.Instant;

/**
 * A configured language model and, once loaded, the model with the scheduler that owns its session. The state
 * is written by the loading thread and read by request threads, hence volatile and published last.
 */
public final class ServedModel {

    private final ModelSpec spec;
    private final boolean isDefault;
    private final Instant configuredAt = Instant.now();
    private volatile LanguageModel model;
    private volatile BatchScheduler scheduler;
    private volatile String chatTemplate;
    private volatile ModelState state = ModelState.LOADING;

    ServedModel(ModelSpec spec, boolean isDefault) {
        this.spec = spec;
        this.isDefault = isDefault;
    }

    void ready(LanguageModel loaded, BatchScheduler owner, String configuredTemplate) {
        model = loaded;
        scheduler = owner;
        chatTemplate = configuredTemplate;
        state = ModelState.READY;
    }

    void failed() {
        state = ModelState.FAILED;
    }

    public String id() {
        return spec.id();
    }

    public ModelSpec spec() {
        return spec;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public ModelState state() {
        return state;
    }

    public Instant configuredAt() {
        return configuredAt;
    }

    /** The loaded model; only meaningful when {@link #state()} is READY. */
    public LanguageModel model() {
        return model;
    }

    /**
     * The source of the chat template the operator configured for this model ({@link ModelSpec#chatTemplate()}),
     * used instead of the model's own unless a request brings its own; null when none is configured.
     */
    public String chatTemplate() {
        return chatTemplate;
    }

    /** The scheduler every generation of this model goes through; only meaningful when READY. */
    public BatchScheduler scheduler() {
        return scheduler;
    }
}
