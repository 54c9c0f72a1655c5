package dev.lantern.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * What config.json and generation_config.json say about a model, read once and never changed.
 * The context length is max_position_embeddings (n_positions for GPT-2), else the tokenizer's model_max_length.
 */
public record ModelConfig(String modelType, int vocabSize, int numLayers, int numKeyValueHeads, int headDim,
                          int contextLength, Set<Integer> eosTokenIds, int padTokenId, GenerationDefaults defaults) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelConfig {
        eosTokenIds = Set.copyOf(eosTokenIds);
    }

    public static ModelConfig read(Path modelDir, int tokenizerMaxLength) throws IOException {
        JsonNode config = readJson(modelDir.resolve("config.json"));
        JsonNode generation = readJson(modelDir.resolve("generation_config.json"));
        int heads = config.path("num_attention_heads").asInt(config.path("n_head").asInt(1));
        int hidden = config.path("hidden_size").asInt(config.path("n_embd").asInt(0));
        int context = config.path("max_position_embeddings").asInt(config.path("n_positions").asInt(0));
        if (context <= 0) {
            context = tokenizerMaxLength > 0 ? tokenizerMaxLength : 2048;
        }
        Set<Integer> eos = new TreeSet<>();
        addIds(config.get("eos_token_id"), eos);
        addIds(generation.get("eos_token_id"), eos);
        return new ModelConfig(config.path("model_type").asText("unknown"),
                config.path("vocab_size").asInt(0),
                config.path("num_hidden_layers").asInt(config.path("n_layer").asInt(0)),
                config.path("num_key_value_heads").asInt(heads),
                config.path("head_dim").asInt(heads > 0 ? hidden / heads : 0),
                context, eos,
                generation.path("pad_token_id").asInt(config.path("pad_token_id").asInt(eos.isEmpty() ? 0 : eos.iterator().next())),
                GenerationDefaults.from(generation));
    }

    static JsonNode readJson(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    }

    private static void addIds(JsonNode node, Set<Integer> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> into.add(n.asInt()));
        } else {
            into.add(node.asInt());
        }
    }

    /** The sampling defaults of generation_config.json, with Hugging Face's own defaults where a key is absent. */
    public record GenerationDefaults(boolean doSample, double temperature, double topP, int topK,
                                     double repetitionPenalty, int numBeams, int maxNewTokens) {
        static GenerationDefaults from(JsonNode g) {
            return new GenerationDefaults(g.path("do_sample").asBoolean(false), g.path("temperature").asDouble(1.0),
                    g.path("top_p").asDouble(1.0), g.path("top_k").asInt(50),
                    g.path("repetition_penalty").asDouble(1.0), g.path("num_beams").asInt(1),
                    g.path("max_new_tokens").asInt(256));
        }
    }
}
