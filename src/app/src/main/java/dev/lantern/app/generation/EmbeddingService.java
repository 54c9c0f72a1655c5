package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.engine.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Embeddings with all-MiniLM-L6-v2 (mean-pooled, unit length). An input longer than the encoder's 256 tokens
 * is refused with TOKEN_LIMIT_EXCEEDED rather than silently truncated. Texts are embedded 32 at a time.
 */
@ApplicationScoped
@TranslateErrors
public class EmbeddingService {

    static final int MAX_INPUTS = 2048;
    private static final int BATCH = 32;

    @Inject
    ModelRegistry registry;

    public EmbeddingList embed(EmbeddingRequest request) {
        EmbeddingModel model = registry.embedding(request.model());
        List<String> inputs = inputs(request.input());
        int tokens = 0;
        for (String text : inputs) {
            int count = model.countTokens(text);
            if (count > model.maxTokens()) {
                throw new LanternException(ErrorCode.TOKEN_LIMIT_EXCEEDED, "An input is " + count
                        + " tokens; the embedding model accepts at most " + model.maxTokens() + ".").withParam("input");
            }
            tokens += count;
        }
        List<EmbeddingList.Embedding> data = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += BATCH) {
            List<float[]> vectors = model.embed(inputs.subList(from, Math.min(inputs.size(), from + BATCH)));
            for (float[] vector : vectors) {
                data.add(new EmbeddingList.Embedding("embedding", data.size(),
                        request.base64() ? base64(vector) : vector));
            }
        }
        return new EmbeddingList("list", data, ModelRegistry.EMBEDDING_MODEL_ID, new Usage(tokens, 0, tokens));
    }

    private static List<String> inputs(JsonValue input) {
        if (input instanceof JsonString s && !s.getString().isEmpty()) {
            return List.of(s.getString());
        }
        if (input instanceof JsonArray array && !array.isEmpty() && array.size() <= MAX_INPUTS
                && array.stream().allMatch(v -> v instanceof JsonString s && !s.getString().isEmpty())) {
            return array.stream().map(v -> ((JsonString) v).getString()).toList();
        }
        throw LanternException.invalid("input", "input: a non-empty string or an array of 1 to " + MAX_INPUTS
                + " non-empty strings");
    }

    /** OpenAI's base64 form: the float32 values, little-endian, as the official clients decode them. */
    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
