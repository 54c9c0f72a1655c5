package dev.lantern.app.structured;

import static dev.lantern.app.errors.LanternException.invalid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A schema from a request, bounded and in the engine's JSON form: at most {@value #MAX_CHARS} characters of JSON
 * and {@value #MAX_DEPTH} levels of nesting (a grammar's size follows the schema's, and compiling one runs on the
 * request's thread).
 */
final class SchemaJson {

    static final int MAX_CHARS = 65_536;
    static final int MAX_DEPTH = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaJson() {
    }

    /** @throws dev.lantern.app.errors.LanternException 400 naming {@code param} when the schema is too large */
    static JsonNode node(JsonObject schema, String param) {
        String text = schema.toString();
        if (text.length() > MAX_CHARS) {
            throw invalid(param, param + ": at most " + MAX_CHARS + " characters of JSON.");
        }
        if (depth(schema) > MAX_DEPTH) {
            throw invalid(param, param + ": nested at most " + MAX_DEPTH + " levels deep.");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(param, param + ": not a JSON object.");
        }
    }

    private static int depth(JsonValue value) {
        if (value instanceof JsonObject object) {
            int most = 0;
            for (JsonValue v : object.values()) {
                most = Math.max(most, depth(v));
            }
            return most + 1;
        }
        if (value instanceof JsonArray array) {
            int most = 0;
            for (JsonValue v : array) {
                most = Math.max(most, depth(v));
            }
            return most + 1;
        }
        return 0;
    }
}
