package dev.lantern.engine.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of tokenizer_config.json the engine uses. Special tokens may be strings or {"content": ...}
 * objects; {@code chatTemplates} holds the {@code chat_template} by name ("default" for a single string, or
 * each entry of a list of named templates); {@code specialTokens} is what transformers passes to the template
 * ({@code bos_token}, {@code eos_token}, ..., {@code additional_special_tokens}), only those that are set.
 */
public record TokenizerConfig(String bosToken, String eosToken, String padToken, Map<String, String> chatTemplates,
                              Map<String, Object> specialTokens, boolean addBosToken, boolean addEosToken,
                              int modelMaxLength) {
    private static final List<String> SPECIAL_TOKEN_KEYS = List.of("bos_token", "eos_token", "unk_token", "sep_token",
            "pad_token", "cls_token", "mask_token");

    public static TokenizerConfig read(Path file) throws IOException {
        JsonNode n = Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
        double maxLength = n.path("model_max_length").asDouble(0);
        return new TokenizerConfig(token(n.get("bos_token")), token(n.get("eos_token")), token(n.get("pad_token")),
                templates(n.get("chat_template")), specialTokens(n), n.path("add_bos_token").asBoolean(false),
                n.path("add_eos_token").asBoolean(false), maxLength > 0 && maxLength < 1e7 ? (int) maxLength : 0);
    }

    /** The template transformers uses when none is named: "default", or null when the config has none. */
    public String chatTemplate() {
        return chatTemplates.get("default");
    }

    private static String token(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() ? node.path("content").asText(null) : node.asText();
    }

    private static Map<String, Object> specialTokens(JsonNode config) {
        Map<String, Object> tokens = new LinkedHashMap<>();
        for (String key : SPECIAL_TOKEN_KEYS) {
            String value = token(config.get(key));
            if (value != null && !value.isEmpty()) {
                tokens.put(key, value);
            }
        }
        List<String> extra = new ArrayList<>();
        config.path("additional_special_tokens").forEach(t -> extra.add(token(t)));
        if (!extra.isEmpty()) {
            tokens.put("additional_special_tokens", extra);
        }
        return Map.copyOf(tokens);
    }

    /** A string, or a list of {"name", "template"} entries. */
    private static Map<String, String> templates(JsonNode node) {
        Map<String, String> named = new LinkedHashMap<>();
        if (node != null && node.isArray()) {
            node.forEach(t -> named.put(t.path("name").asText(), t.path("template").asText()));
        } else if (node != null && node.isTextual()) {
            named.put("default", node.asText());
        }
        return Map.copyOf(named);
    }
}
