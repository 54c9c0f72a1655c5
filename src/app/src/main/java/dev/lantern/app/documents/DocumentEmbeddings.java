package dev.lantern.app.documents;

import dev.lantern.app.models.ModelRegistry;
import dev.lantern.engine.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The documents' view of the application's one embedding model (all-MiniLM-L6-v2, loaded by the
 * {@link ModelRegistry}): vectors for chunks and queries, and token counts for the chunker. Inputs longer
 * than the encoder's 256 tokens are truncated here (the chunker keeps chunks well below that; a long search
 * query is described by its start), unlike {@code POST /v1/embeddings}, which refuses them.
 */
@ApplicationScoped
public class DocumentEmbeddings {

    @Inject
    ModelRegistry registry;

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

    private EmbeddingModel model() {
        return registry.embedding(null);
    }
}
