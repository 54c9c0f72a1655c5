package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Grammars for {@code response_format}: a JSON Schema's documents, or any JSON object. */
public final class JsonSchemaGrammar {
    private JsonSchemaGrammar() {
    }

    /**
     * The documents valid against {@code schema}, written in {@code layout}.
     *
     * @throws UnsupportedSchemaException naming the first keyword that cannot be enforced exactly
     */
    public static Grammar compile(JsonNode schema, JsonLayout layout) {
        GrammarBuilder builder = new GrammarBuilder();
        builder.define(0, new SchemaCompiler(builder, schema, layout).document(0));
        return builder.build();
    }

    /** {@code response_format: json_object}: any JSON object, nested at most {@value Limits#MAX_CALL_DEPTH} deep. */
    public static Grammar anyObject(JsonLayout layout) {
        return compile(JsonNodeFactory.instance.objectNode().put("type", "object"), layout);
    }
}
