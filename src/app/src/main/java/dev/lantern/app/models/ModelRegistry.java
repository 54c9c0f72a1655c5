package dev.lantern.app.models;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LaneLayout;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.batch.BatchScheduler;
import dev.lantern.engine.embedding.EmbeddingModel;
import dev.lantern.engine.embedding.EmbeddingModels;
import dev.lantern.engine.template.Template;
import dev.lantern.engine.template.TemplateException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The EJB singleton that owns the models (the design card's "EJB singleton services for the ONNX model"):
 * it loads every configured language model, the default first, then the embedding model, on a managed thread
 * so that start-up is not held up, and gives each loaded model the one {@link BatchScheduler} that runs all
 * its requests.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ModelRegistry {

    public static final String EMBEDDING_MODEL_ID = "all-minilm-l6-v2";
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    @Inject
    ModelSettings settings;

    @Resource
    ManagedExecutorService executor;

    /** The schedulers' lanes are long-lived loops: container threads, made by its managed factory. */
    @Resource
    ManagedThreadFactory laneThreads;

    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private volatile EmbeddingModel embedding;
    private volatile ModelState embeddingState = ModelState.LOADING;
    private volatile boolean closed;

    @PostConstruct
    void start() {
        for (ModelSpec spec : settings.models()) {
            models.put(spec.id(), new ServedModel(spec, spec.equals(settings.defaultModel())));
        }
        executor.execute(this::loadAll);
    }

    private void loadAll() {
        for (ServedModel served : models.values()) {
            load(served);
        }
        loadEmbedding();
    }

    private void load(ServedModel served) {
        long start = System.nanoTime();
        try {
            LaneLayout layout = LaneLayout.resolve(served.spec().directory(), settings.runtime(), settings.lanes(),
                    settings.limits().maxBatchSize(), Runtime.getRuntime().availableProcessors());
            String chatTemplate = configuredChatTemplate(served.spec());
            LanguageModel model = LanguageModel.load(served.spec().directory(), layout.applyTo(settings.runtime()));
            // one short generation before readiness: ONNX Runtime's first runs are several times slower
            model.generate(GenerationRequest.of(model.encode("Hello"),
                    GenerationSettings.builder().greedy().maxTokens(4).build()));
            synchronized (this) {
                if (closed) {
                    model.close();
                    return;
                }
                served.ready(model, new BatchScheduler(model, settings.limits(), layout.lanes(), laneThreads), chatTemplate);
            }
            LOG.info(() -> "Model " + served.id() + " loaded from " + served.spec().directory() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms (context " + model.config().contextLength()
                    + " tokens, " + settings.limits() + ", " + layout
                    + (chatTemplate == null ? "" : ", chat template " + served.spec().chatTemplate()) + ")");
        } catch (RuntimeException e) {
            served.failed();
            LOG.log(Level.SEVERE, "Model " + served.id() + " could not be loaded from " + served.spec().directory(), e);
        }
    }

    /**
     * The configured template's source, parsed once here so that a broken file fails the model's loading (logged,
     * 503 for its requests) instead of every chat; null when none is configured.
     */
    static String configuredChatTemplate(ModelSpec spec) {
        if (spec.chatTemplate() == null) {
            return null;
        }
        try {
            String source = Files.readString(spec.chatTemplate());
            Template.parse(source);
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat template " + spec.chatTemplate(), e);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the chat template " + spec.chatTemplate() + " is not valid: "
                    + e.getMessage(), e);
        }
    }

    private void loadEmbedding() {
        try {
            EmbeddingModel loaded = EmbeddingModels.allMiniLmFromClasspath(getClass().getClassLoader(),
                    settings.runtime().withOnnxFile("auto"));
            synchronized (this) {
                if (closed) {
                    loaded.close();
                    return;
                }
                embedding = loaded;
                embeddingState = ModelState.READY;
            }
            LOG.info(() -> "Embedding model " + EMBEDDING_MODEL_ID + " loaded (dimension " + loaded.dimension() + ")");
        } catch (RuntimeException e) {
            embeddingState = ModelState.FAILED;
            LOG.log(Level.SEVERE, "The embedding model " + EMBEDDING_MODEL_ID + " could not be loaded", e);
        }
    }

    /** Every configured language model, the default first. */
    public List<ServedModel> languageModels() {
        return List.copyOf(models.values());
    }

    public ServedModel defaultModel() {
        return models.values().iterator().next();
    }

    /**
     * The ready model named {@code id} (the default when null or blank).
     *
     * @throws LanternException MODEL_NOT_FOUND for an unknown id, MODEL_NOT_READY while it loads or if it failed
     */
    public ServedModel ready(String id) {
        ServedModel served = id == null || id.isBlank() ? defaultModel() : models.get(id);
        if (served == null) {
            throw notFound(id);
        }
        return switch (served.state()) {
            case READY -> served;
            case LOADING -> throw new LanternException(ErrorCode.MODEL_NOT_READY,
                    "The model '" + served.id() + "' is still loading.").withHeader("Retry-After", 5);
            case FAILED -> throw new LanternException(ErrorCode.MODEL_NOT_READY,
                    "The model '" + served.id() + "' failed to load; see the server log.");
        };
    }

    public ModelState embeddingState() {
        return embeddingState;
    }

    /**
     * The embedding model named {@code id} (the only one when null or blank).
     *
     * @throws LanternException MODEL_NOT_FOUND for another id, MODEL_NOT_READY while it loads or if it failed
     */
    public EmbeddingModel embedding(String id) {
        if (id != null && !id.isBlank() && !EMBEDDING_MODEL_ID.equals(id)) {
            throw new LanternException(ErrorCode.MODEL_NOT_FOUND, "There is no embedding model '" + printable(id)
                    + "'; the embedding model is '" + EMBEDDING_MODEL_ID + "'.").withParam("model");
        }
        if (embeddingState != ModelState.READY) {
            throw new LanternException(ErrorCode.MODEL_NOT_READY, "The embedding model is "
                    + (embeddingState == ModelState.LOADING ? "still loading." : "not available; see the server log."))
                    .withHeader("Retry-After", 5);
        }
        return embedding;
    }

    /** A caller's model name, repeated in a message only when it is short and plain. */
    /** 404 {@code MODEL_NOT_FOUND} for a model id no configured model has. */
    public static LanternException notFound(String id) {
        return new LanternException(ErrorCode.MODEL_NOT_FOUND, "There is no model '" + printable(id)
                + "'. GET /v1/models lists the models.").withParam("model");
    }

    private static String printable(String id) {
        return id != null && id.length() <= 128 && id.matches("[\\w.:/-]*") ? id : "(not shown)";
    }

    @PreDestroy
    synchronized void stop() {
        closed = true;
        for (ServedModel served : models.values()) {
            if (served.state() == ModelState.READY) {
                served.scheduler().close();
                served.model().close();
            }
        }
        if (embedding != null) {
            embedding.close();
        }
    }
}
