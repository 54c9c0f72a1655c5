package dev.lantern.app.structured;

import dev.lantern.engine.constraint.ToolCallFormat;
import dev.lantern.engine.constraint.TokenVocabulary;
import java.util.Locale;

/**
 * The ways models write tool calls that Lantern constrains and reads, by their configuration names. Each is an
 * engine {@link ToolCallFormat} (the JSON object {@code {"name": ..., "arguments": ...}} in {@code json.dumps}'
 * spacing, framed as the family frames it).
 */
public enum ToolCallStyle {
    /**
     * Hermes and Qwen 2.5/3, and the demo model's {@code tool_use} template: each call on its own between
     * {@code <tool_call>\n} and {@code \n</tool_call>}, calls one per line.
     */
    HERMES("hermes"),
    /** Llama 3.1/3.2 JSON tool calling: one {@code {"name": ..., "parameters": ...}} object. */
    LLAMA3_JSON("llama3_json"),
    /** Mistral: the {@code [TOOL_CALLS]} token, then a JSON array of calls. */
    MISTRAL("mistral");

    private final String configName;

    ToolCallStyle(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The style of a configuration name ({@code hermes}, {@code llama3_json}, {@code mistral}). */
    public static ToolCallStyle named(String name) {
        for (ToolCallStyle style : values()) {
            if (style.configName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return style;
            }
        }
        throw new IllegalArgumentException("unknown tool-call format '" + name + "' (hermes, llama3_json or mistral)");
    }

    /**
     * The style a chat template writes (or reads back) calls in, as vLLM's automatic choice would see it:
     * {@code [TOOL_CALLS]} is Mistral's, Llama 3's {@code <|python_tag|>} or {@code ipython} role its JSON calls,
     * and anything else (the demo model's and Qwen's {@code <tool_call>} included) Hermes.
     */
    public static ToolCallStyle forTemplate(String source) {
        if (source == null) {
            return HERMES;
        }
        if (source.contains("[TOOL_CALLS]")) {
            return MISTRAL;
        }
        if (source.contains("<tool_call>")) {
            return HERMES;
        }
        if (source.contains("<|python_tag|>") || source.contains("ipython")) {
            return LLAMA3_JSON;
        }
        return HERMES;
    }

    /**
     * The engine's format for a model of {@code vocabulary}: Mistral's opens with its {@code [TOOL_CALLS]} token
     * when the vocabulary has it, else with the array's own {@code [}.
     */
    public ToolCallFormat format(TokenVocabulary vocabulary) {
        return switch (this) {
            case HERMES -> ToolCallFormat.hermes();
            case LLAMA3_JSON -> ToolCallFormat.llama3Json();
            case MISTRAL -> vocabulary.specialTokenId("[TOOL_CALLS]").isPresent()
                    ? ToolCallFormat.mistral(vocabulary.specialTokenId("[TOOL_CALLS]").getAsInt())
                    : new ToolCallFormat(-1, "[", "", "", ", ", "]", "name", "arguments", "[{\"name\"");
        };
    }
}
