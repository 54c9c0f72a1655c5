package dev.lantern.app.structured;

import static dev.lantern.app.errors.LanternException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.engine.constraint.JsonLayout;
import dev.lantern.engine.constraint.JsonSchemaGrammar;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * OpenAI's {@code response_format}: {@code {"type": "text"}} (free text), {@code {"type": "json_object"}} (any JSON
 * object) or {@code {"type": "json_schema", "json_schema": {"name", "schema", "strict"}}} (the schema's documents,
 * whatever {@code strict} says: Lantern always enforces the schema, or refuses it). Documents are compact JSON
 * (no whitespace), properties in the schema's order.
 */
public final class ResponseFormat {

    static final String PARAM = "response_format";

    private ResponseFormat() {
    }

    /** @throws dev.lantern.app.errors.LanternException 400 naming the field at fault */
    public static OutputStructure structure(JsonObject format) {
        if (format == null) {
            return OutputStructure.FREE;
        }
        String type = format.get("type") instanceof JsonString s ? s.getString() : null;
        if (type == null) {
            throw invalid(PARAM + ".type", PARAM + ".type: \"text\", \"json_object\" or \"json_schema\".");
        }
        return switch (type) {
            case "text" -> OutputStructure.FREE;
            case "json_object" -> new OutputStructure("json_object", v -> JsonSchemaGrammar.anyObject(JsonLayout.COMPACT),
                    "", null);
            case "json_schema" -> jsonSchema(format.get("json_schema"));
            default -> throw invalid(PARAM + ".type", PARAM + ".type: \"text\", \"json_object\" or \"json_schema\", "
                    + "not \"" + type + "\".");
        };
    }

    private static OutputStructure jsonSchema(JsonValue value) {
        String at = PARAM + ".json_schema";
        if (!(value instanceof JsonObject jsonSchema)) {
            throw invalid(at, at + ": required with type json_schema: {\"name\", \"schema\", \"strict\"}.");
        }
        JsonValue name = jsonSchema.get("name");
        if (name != null && name.getValueType() != JsonValue.ValueType.NULL
                && !(name instanceof JsonString s && s.getString().length() <= 64)) {
            throw invalid(at + ".name", at + ".name: a string of at most 64 characters.");
        }
        JsonValue strict = jsonSchema.get("strict");
        if (strict != null && strict.getValueType() != JsonValue.ValueType.NULL
                && strict != JsonValue.TRUE && strict != JsonValue.FALSE) {
            throw invalid(at + ".strict", at + ".strict: true or false.");
        }
        if (!(jsonSchema.get("schema") instanceof JsonObject schema)) {
            throw invalid(at + ".schema", at + ".schema: the JSON Schema (an object) the answer must validate against.");
        }
        JsonNode node = SchemaJson.node(schema, at + ".schema");
        return new OutputStructure("json_schema:" + schema, v -> JsonSchemaGrammar.compile(node, JsonLayout.COMPACT),
                at + ".schema", null);
    }
}
