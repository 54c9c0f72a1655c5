package dev.lantern.engine.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The parts of tokenizer_config.json the engine uses. Special tokens may be strings or {"content": ...} objects. */
public record TokenizerConfig(String bosToken, String eosToken, String padToken, String chatTemplate,
                              boolean addBosToken, boolean addEosToken, int modelMaxLength) {

    public static TokenizerConfig read(Path file) throws IOException {
        JsonNode n = Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
        double maxLength = n.path("model_max_length").asDouble(0);
        return new TokenizerConfig(token(n.get("bos_token")), token(n.get("eos_token")), token(n.get("pad_token")),
                template(n.get("chat_template")), n.path("add_bos_token").asBoolean(false),
                n.path("add_eos_token").asBoolean(false), maxLength > 0 && maxLength < 1e7 ? (int) maxLength : 0);
    }

    private static String token(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() ? node.path("content").asText(null) : node.asText();
    }

    /** A string, or a list of named templates of which "default" is the chat one. */
    private static String template(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode named : node) {
                if ("default".equals(named.path("name").asText())) {
                    return named.path("template").asText();
                }
            }
            return node.size() > 0 ? node.get(0).path("template").asText() : null;
        }
        return node.asText();
    }
}
