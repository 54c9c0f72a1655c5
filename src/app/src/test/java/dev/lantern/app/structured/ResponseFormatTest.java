package dev.lantern.app.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.constraint.UnsupportedSchemaException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** response_format as OpenAI sends it: free text, any object, a schema; every refusal names its field. */
class ResponseFormatTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void textIsFreeAndJsonIsConstrained() {
        assertFalse(ResponseFormat.structure(null).constrained());
        assertFalse(ResponseFormat.structure(json("{\"type\":\"text\"}")).constrained());
        OutputStructure object = ResponseFormat.structure(json("{\"type\":\"json_object\"}"));
        assertTrue(object.constrained());
        assertTrue(object.grammar().apply(null).nodeCount() > 0);
        OutputStructure schema = ResponseFormat.structure(json("{\"type\":\"json_schema\",\"json_schema\":{\"name\":"
                + "\"p\",\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}}}"));
        assertTrue(schema.grammar().apply(null).nodeCount() > 0);
        assertNotEquals(object.key(), schema.key(), "the schema keys the constraint and the cache");
    }

    @Test
    void anUnsupportedKeywordIsInvalidSchemaNamingItsPath() {
        OutputStructure s = ResponseFormat.structure(json("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"p\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\",\"multipleOf\":5}}}}}"));
        UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class, () -> s.grammar().apply(null));
        LanternException refused = Constraints.refused(e.under(s.param()));
        assertEquals(ErrorCode.INVALID_SCHEMA, refused.code());
        assertEquals("response_format.json_schema.schema.properties.age.multipleOf", refused.param());
        assertTrue(refused.getMessage().contains("multipleOf"), refused.getMessage());
    }

    @Test
    void malformedFormatsAreRefusedNamingTheField() {
        assertEquals("response_format.type", param("{\"type\":\"yaml\"}"));
        assertEquals("response_format.type", param("{}"));
        assertEquals("response_format.json_schema", param("{\"type\":\"json_schema\"}"));
        assertEquals("response_format.json_schema.schema", param("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\"}}"));
        assertEquals("response_format.json_schema.strict",
                param("{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{},\"strict\":\"yes\"}}"));
        String deep = "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":" + "{\"items\":".repeat(40) + "{}"
                + "}".repeat(40) + "}}";
        assertEquals("response_format.json_schema.schema", param(deep), "nesting is bounded");
    }

    private static String param(String format) {
        LanternException e = assertThrows(LanternException.class, () -> ResponseFormat.structure(json(format)));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        return e.param();
    }
}
