package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The independent judge of the constraint tests: networknt's json-schema-validator (1.5.9), with format
 * assertions on. OpenAPI's {@code nullable: true}, which the engine accepts, is rewritten to a type list first.
 */
final class SchemaOracle {
    private SchemaOracle() {
    }

    static Set<ValidationMessage> errors(JsonNode schema, JsonNode document, SpecVersion.VersionFlag version) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(version).getSchema(withoutNullable(schema.deepCopy()), config)
                .validate(document);
    }

    static Set<ValidationMessage> errors(JsonNode schema, JsonNode document) {
        return errors(schema, document, SpecVersion.VersionFlag.V202012);
    }

    private static JsonNode withoutNullable(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.path("nullable").asBoolean(false) && o.has("type")) {
                JsonNode type = o.get("type");
                ArrayNode types = o.arrayNode();
                if (type.isArray()) {
                    types.addAll((ArrayNode) type);
                } else {
                    types.add(type);
                }
                types.add("null");
                o.set("type", types);
            }
            o.remove("nullable");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                withoutNullable(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(SchemaOracle::withoutNullable);
        }
        return node;
    }
}
