package dev.lantern.app.structured;

import static dev.lantern.app.errors.LanternException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.engine.constraint.Grammar;
import dev.lantern.engine.constraint.ToolCallFormat;
import dev.lantern.engine.constraint.ToolCallGrammar;
import dev.lantern.engine.constraint.ToolFunction;
import dev.lantern.engine.constraint.UnsupportedSchemaException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's {@code tool_choice} over the request's {@code tools}: {@code "none"} (the tools are shown, the answer is
 * text), {@code "auto"} (the default with tools: text, or calls once the model starts one — a lazy grammar),
 * {@code "required"} (one or more calls of the offered functions) or {@code {"type": "function", "function":
 * {"name"}}} (a call of that function). Calls are constrained to the model's tool-call format, each one's
 * arguments valid against its function's {@code parameters}; {@code parallel_tool_calls: false} allows one call.
 *
 * @param function the named function, or null
 */
public record ToolChoice(Mode mode, String function) {

    /** What the answer may or must be. */
    public enum Mode { NONE, AUTO, REQUIRED, NAMED }

    static final String PARAM = "tool_choice";

    /**
     * @param tools the request's tools, already checked by the prompts package (each a named function); null for none
     * @throws dev.lantern.app.errors.LanternException 400 VALIDATION_ERROR naming {@code tool_choice}
     */
    public static ToolChoice of(JsonValue choice, List<JsonObject> tools) {
        boolean offered = tools != null && !tools.isEmpty();
        if (choice == null || choice.getValueType() == JsonValue.ValueType.NULL) {
            return new ToolChoice(offered ? Mode.AUTO : Mode.NONE, null);
        }
        ToolChoice parsed;
        if (choice instanceof JsonString s) {
            parsed = switch (s.getString()) {
                case "none" -> new ToolChoice(Mode.NONE, null);
                case "auto" -> new ToolChoice(Mode.AUTO, null);
                case "required" -> new ToolChoice(Mode.REQUIRED, null);
                default -> throw wrong();
            };
        } else if (choice instanceof JsonObject o && "function".equals(o.getString("type", null))
                && o.get("function") instanceof JsonObject f && f.get("name") instanceof JsonString name) {
            parsed = new ToolChoice(Mode.NAMED, name.getString());
        } else {
            throw wrong();
        }
        if (!offered && (parsed.mode == Mode.REQUIRED || parsed.mode == Mode.NAMED)) {
            throw invalid(PARAM, PARAM + ": a call is asked for but no tools are offered.");
        }
        if (!offered) {
            return new ToolChoice(Mode.NONE, null);
        }
        if (parsed.mode == Mode.NAMED && indexOf(tools, parsed.function) < 0) {
            throw invalid(PARAM + ".function.name", PARAM + ".function.name: \"" + parsed.function
                    + "\" is not one of the offered tools.");
        }
        return parsed;
    }

    private static RuntimeException wrong() {
        return invalid(PARAM, PARAM + ": \"none\", \"auto\", \"required\" or {\"type\": \"function\", \"function\": "
                + "{\"name\": \"...\"}}.");
    }

    /**
     * What the answer must look like: free text for {@code none}, else calls in {@code style}.
     *
     * @param parallel {@code parallel_tool_calls} (null: true)
     */
    public OutputStructure structure(List<JsonObject> tools, Boolean parallel, ToolCallStyle style) {
        if (mode == Mode.NONE) {
            return OutputStructure.FREE;
        }
        List<ToolFunction> functions = new ArrayList<>();
        StringBuilder key = new StringBuilder("tools:").append(style.configName()).append('|').append(mode)
                .append('|').append(function).append("|parallel=").append(!Boolean.FALSE.equals(parallel));
        for (int i = 0; i < tools.size(); i++) {
            JsonObject f = tools.get(i).getJsonObject("function");
            String name = f.getString("name");
            JsonNode parameters = f.get("parameters") instanceof JsonObject p
                    ? SchemaJson.node(p, "tools[" + i + "].function.parameters") : null;
            functions.add(new ToolFunction(name, parameters));
            key.append('|').append(name).append('=').append(f.get("parameters"));
        }
        boolean many = !Boolean.FALSE.equals(parallel) && mode != Mode.NAMED;
        int named = mode == Mode.NAMED ? indexOf(tools, function) : -1;
        return new OutputStructure(key.toString(), vocabulary -> grammar(functions, named, style.format(vocabulary),
                many), "", style);
    }

    private Grammar grammar(List<ToolFunction> functions, int named, ToolCallFormat format, boolean many) {
        if (mode == Mode.AUTO) {
            return ToolCallGrammar.lazy(functions, format, many);
        }
        if (named < 0) {
            return ToolCallGrammar.required(functions, format, many);
        }
        try {
            return ToolCallGrammar.required(List.of(functions.get(named)), format, false);
        } catch (UnsupportedSchemaException e) {
            // the engine numbered the one function it was given
            throw new UnsupportedSchemaException(e.path().replaceFirst("^tools\\[0]", "tools[" + named + "]"),
                    e.reason());
        }
    }

    private static int indexOf(List<JsonObject> tools, String name) {
        for (int i = 0; i < tools.size(); i++) {
            if (tools.get(i).get("function") instanceof JsonObject f && name.equals(f.getString("name", null))) {
                return i;
            }
        }
        return -1;
    }
}
