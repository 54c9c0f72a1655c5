package dev.lantern.it.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** The judge of structured answers: networknt's json-schema-validator (draft 2020-12, formats asserted). */
final class SchemaOracle {
    private SchemaOracle() {
    }

    static Set<ValidationMessage> errors(JsonNode schema, JsonNode document) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config)
                .validate(document);
    }

    /** The document's validation errors, or a parse failure as one. */
    static String judge(JsonNode schema, String text) {
        try {
            Set<ValidationMessage> errors = errors(schema, dev.lantern.it.LanternServer.JSON.readTree(text));
            return errors.isEmpty() ? null : errors.toString();
        } catch (Exception e) {
            return "not JSON: " + e.getMessage();
        }
    }
}
