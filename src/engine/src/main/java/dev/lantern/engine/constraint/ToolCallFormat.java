package dev.lantern.engine.constraint;

/**
 * How a model family writes tool calls around the JSON object {@code {"<nameKey>": "...", "<argumentsKey>": {...}}}
 * (written with {@link JsonLayout#SPACED}, as the templates render calls): a list opened by an optional special
 * token and {@code listOpen}, each call between {@code callOpen} and {@code callClose}, calls separated by
 * {@code separator} (null: one call only), then {@code listClose}. {@code trigger} is the text that switches a
 * lazy constraint on; it must be a prefix of what a call list starts with. The application picks the format per
 * model (from its chat template).
 *
 * @param startToken the id of a special token that opens the list (Mistral's {@code [TOOL_CALLS]}), or -1
 * @param trigger    text for a lazy constraint, or null when {@code startToken} is the trigger
 */
public record ToolCallFormat(int startToken, String listOpen, String callOpen, String callClose, String separator,
                             String listClose, String nameKey, String argumentsKey, String trigger) {

    public ToolCallFormat {
        if (trigger == null && startToken < 0) {
            throw new IllegalArgumentException("a format needs a trigger text or a start token");
        }
        if (trigger != null && !(listOpen + callOpen + "{\"" + nameKey + "\": \"").startsWith(trigger)) {
            throw new IllegalArgumentException("the trigger " + trigger + " does not start a call list");
        }
    }

    /** Hermes / Qwen 2.5 and 3: {@code <tool_call>\n{"name": ..., "arguments": ...}\n</tool_call>}, one per line. */
    public static ToolCallFormat hermes() {
        return new ToolCallFormat(-1, "", "<tool_call>\n", "\n</tool_call>", "\n", "", "name", "arguments",
                "<tool_call>");
    }

    /** Llama 3.1 / 3.2 JSON tool calling: one {@code {"name": ..., "parameters": ...}} object. */
    public static ToolCallFormat llama3Json() {
        return new ToolCallFormat(-1, "", "", "", null, "", "name", "parameters", "{\"name\"");
    }

    /** Mistral: the {@code [TOOL_CALLS]} special token, then a JSON array of calls. */
    public static ToolCallFormat mistral(int toolCallsTokenId) {
        return new ToolCallFormat(toolCallsTokenId, "[", "", "", ", ", "]", "name", "arguments", null);
    }
}
