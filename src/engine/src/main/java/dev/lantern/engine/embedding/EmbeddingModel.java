package dev.lantern.engine.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.engine.EngineException;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.onnx.OrtRuntime;
import dev.lantern.engine.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into unit-length vectors: the encoder's last hidden state averaged over real tokens (mean
 * pooling), then L2-normalised, so a dot product is the cosine similarity.
 *
 * <p><b>Inputs longer than {@link #maxTokens()} tokens (256 for all-MiniLM-L6-v2, special tokens included) are
 * truncated</b> — the standard behaviour of sentence-transformers; the vector then describes only the start of
 * the text. Use {@link #countTokens(String)} to cut documents into chunks that fit. Thread-safe.
 */
public final class EmbeddingModel implements AutoCloseable {
    private final OrtSession session;
    private final TextTokenizer truncating;
    private final TextTokenizer counting;
    private final int maxTokens;
    private final boolean usesTokenTypes;
    private final int dimension;

    EmbeddingModel(OrtSession session, TextTokenizer truncating, TextTokenizer counting, int maxTokens) {
        this.session = session;
        this.truncating = truncating;
        this.counting = counting;
        this.maxTokens = maxTokens;
        try {
            this.usesTokenTypes = session.getInputInfo().containsKey("token_type_ids");
            long[] shape = ((ai.onnxruntime.TensorInfo) session.getOutputInfo().values().iterator().next().getInfo())
                    .getShape(); // [batch, seq, hidden]
            this.dimension = (int) shape[2];
        } catch (OrtException e) {
            throw new EngineException("cannot read the embedding model's interface", e);
        }
    }

    /** Loads {@code onnxFile} and {@code tokenizerJson}; {@code maxTokens} is the encoder's trained length. */
    public static EmbeddingModel load(Path onnxFile, Path tokenizerJson, int maxTokens, RuntimeOptions options) {
        try {
            return new EmbeddingModel(OrtRuntime.open(onnxFile, options),
                    TextTokenizer.load(tokenizerJson, true, maxTokens), TextTokenizer.load(tokenizerJson, true),
                    maxTokens);
        } catch (IOException e) {
            throw new EngineException("cannot load the embedding tokenizer " + tokenizerJson, e);
        }
    }

    public int dimension() {
        return dimension;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Tokens of {@code text} with the encoder's special tokens, not truncated: fits when ≤ {@link #maxTokens()}. */
    public int countTokens(String text) {
        return counting.encode(text).length;
    }

    public float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /** One vector per text, computed in one batch padded to the longest text. */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<int[]> encoded = texts.stream().map(truncating::encode).toList();
        int batch = encoded.size();
        int width = encoded.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[] ids = new long[batch * width];   // [batch, width], right-padded with 0
        long[] mask = new long[batch * width];  // [batch, width]
        for (int b = 0; b < batch; b++) {
            int[] row = encoded.get(b);
            for (int i = 0; i < row.length; i++) {
                ids[b * width + i] = row[i];
                mask[b * width + i] = 1;
            }
        }
        return run(ids, mask, batch, width);
    }

    private List<float[]> run(long[] ids, long[] mask, int batch, int width) {
        OrtEnvironment env = OrtRuntime.environment();
        long[] shape = {batch, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (usesTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [batch, width, dimension]
                List<float[]> vectors = new ArrayList<>(batch);
                for (int b = 0; b < batch; b++) {
                    vectors.add(MeanPooling.pooledAndNormalised(hidden, mask, b, width, dimension));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new EngineException("embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new EngineException("cannot close the embedding session", e);
        } finally {
            truncating.close();
            counting.close();
        }
    }
}
