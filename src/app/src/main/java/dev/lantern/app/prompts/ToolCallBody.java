package dev.lantern.app.prompts;

import static dev.lantern.app.errors.LanternException.invalid;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One call an assistant made, as OpenAI's clients send it back in the conversation: {@code function.arguments}
 * is JSON text, which the template gets parsed (as vLLM gives it; blank arguments as an empty object).
 */
@Schema(name = "ToolCall")
public record ToolCallBody(String id, @Schema(enumeration = "function") String type, Function function) {

    /** The function called and its arguments. */
    @Schema(name = "FunctionCall")
    public record Function(String name,
                           @Schema(description = "The arguments as a JSON text, e.g. \"{\\\"city\\\": \\\"Paris\\\"}\"",
                                   implementation = String.class) JsonValue arguments) {
    }

    void check(String at) {
        if (type != null && !"function".equals(type)) {
            throw invalid(at + ".type", at + ".type: only \"function\" calls are known.");
        }
        if (function == null) {
            throw invalid(at + ".function", at + ".function: required, with the function's name and its arguments.");
        }
        if (function.name() == null || function.name().isBlank() || function.name().length() > 256) {
            throw invalid(at + ".function.name", at + ".function.name: the called function's name is required.");
        }
        JsonValue arguments = function.arguments();
        if (arguments != null && arguments.getValueType() != JsonValue.ValueType.NULL
                && !(arguments instanceof JsonString text && (text.getString().isBlank() || isJson(text.getString())))) {
            throw invalid(at + ".function.arguments", at + ".function.arguments: the arguments as a string of JSON "
                    + "text, as OpenAI sends them (e.g. \"{\\\"city\\\": \\\"Paris\\\"}\").");
        }
    }

    private static boolean isJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            reader.readValue();
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    /** As the template reads it; the engine parses the arguments' JSON text. */
    Map<String, Object> toTemplate() {
        Map<String, Object> call = new LinkedHashMap<>();
        if (id != null) {
            call.put("id", id);
        }
        call.put("type", type == null ? "function" : type);
        Map<String, Object> called = new LinkedHashMap<>();
        called.put("name", function.name());
        called.put("arguments", JsonValues.plain(function.arguments()));
        call.put("function", called);
        return call;
    }
}
