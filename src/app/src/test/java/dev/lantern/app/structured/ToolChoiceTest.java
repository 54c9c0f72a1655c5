package dev.lantern.app.structured;

import static dev.lantern.app.structured.ResponseFormatTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.constraint.UnsupportedSchemaException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tool_choice over the offered tools, the tool-call formats, logit_bias. */
class ToolChoiceTest {
    private static final List<JsonObject> TOOLS = List.of(
            json("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                    + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}"),
            json("{\"type\":\"function\",\"function\":{\"name\":\"now\"}}"));

    private static JsonValue value(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void choicesAsOpenAiDefinesThem() {
        assertEquals(ToolChoice.Mode.AUTO, ToolChoice.of(null, TOOLS).mode(), "auto is the default with tools");
        assertEquals(ToolChoice.Mode.NONE, ToolChoice.of(null, null).mode());
        assertEquals(ToolChoice.Mode.NONE, ToolChoice.of(value("\"auto\""), null).mode());
        assertEquals(ToolChoice.Mode.REQUIRED, ToolChoice.of(value("\"required\""), TOOLS).mode());
        ToolChoice named = ToolChoice.of(value("{\"type\":\"function\",\"function\":{\"name\":\"now\"}}"), TOOLS);
        assertEquals(new ToolChoice(ToolChoice.Mode.NAMED, "now"), named);
    }

    @Test
    void impossibleChoicesAreRefused() {
        assertEquals("tool_choice", refused(value("\"required\""), null));
        assertEquals("tool_choice", refused(value("\"always\""), TOOLS));
        assertEquals("tool_choice", refused(value("{\"type\":\"function\"}"), TOOLS));
        assertEquals("tool_choice.function.name",
                refused(value("{\"type\":\"function\",\"function\":{\"name\":\"fly\"}}"), TOOLS));
    }

    private static String refused(JsonValue choice, List<JsonObject> tools) {
        return assertThrows(LanternException.class, () -> ToolChoice.of(choice, tools)).param();
    }

    @Test
    void structuresCompileAndAreKeyedByEverythingThatShapesThem() {
        OutputStructure none = ToolChoice.of(value("\"none\""), TOOLS).structure(TOOLS, null, ToolCallStyle.HERMES);
        assertFalse(none.constrained());
        OutputStructure required = ToolChoice.of(value("\"required\""), TOOLS).structure(TOOLS, null, ToolCallStyle.HERMES);
        OutputStructure auto = ToolChoice.of(null, TOOLS).structure(TOOLS, null, ToolCallStyle.HERMES);
        OutputStructure single = ToolChoice.of(value("\"required\""), TOOLS).structure(TOOLS, false, ToolCallStyle.HERMES);
        assertEquals(ToolCallStyle.HERMES, required.toolCalls());
        for (OutputStructure s : List.of(required, auto, single)) {
            assertTrue(s.grammar().apply(null).nodeCount() > 0);
        }
        assertEquals(3, java.util.Set.of(required.key(), auto.key(), single.key()).size());
    }

    @Test
    void aNamedFunctionsUnsupportedParameterIsNamedByItsOwnIndex() {
        List<JsonObject> tools = List.of(TOOLS.get(1), json("{\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\",\"multipleOf\":2}}}}}"));
        OutputStructure s = ToolChoice.of(value("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}"), tools)
                .structure(tools, null, ToolCallStyle.HERMES);
        UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class, () -> s.grammar().apply(null));
        assertEquals("tools[1].function.parameters.properties.x.multipleOf", e.path());
    }

    @Test
    void theFormatComesFromTheTemplateOrTheOperator() throws Exception {
        String demo = Files.readString(Path.of("../../models/docs-llama-8m/additional_chat_templates/tool_use.jinja"));
        assertEquals(ToolCallStyle.HERMES, ToolCallStyle.forTemplate(demo));
        assertEquals(ToolCallStyle.MISTRAL, ToolCallStyle.forTemplate("{{ '[TOOL_CALLS]' }}"));
        assertEquals(ToolCallStyle.LLAMA3_JSON, ToolCallStyle.forTemplate("{{ '<|python_tag|>' }}"));
        assertEquals(ToolCallStyle.HERMES, ToolCallStyle.forTemplate(null));
        ToolCallSettings settings = ToolCallSettings.parse(" qwen = hermes ;llama=llama3_json;");
        assertEquals(Map.of("qwen", ToolCallStyle.HERMES, "llama", ToolCallStyle.LLAMA3_JSON), settings.formats());
        assertThrows(IllegalArgumentException.class, () -> ToolCallSettings.parse("qwen=xml"));
        assertThrows(IllegalArgumentException.class, () -> ToolCallSettings.parse("hermes"));
    }

    @Test
    void logitBiasIsCheckedAgainstTheVocabulary() {
        assertEquals(Map.of(5, -100.0, 12, 2.5), LogitBiases.parse(json("{\"12\": 2.5, \"5\": -100}"), 100));
        assertEquals("[5, 12]", LogitBiases.parse(json("{\"12\": 2.5, \"5\": -100}"), 100).keySet().toString(),
                "in id order, the same text on every server");
        assertTrue(LogitBiases.parse(null, 100).isEmpty());
        for (String bad : List.of("{\"100\": 1}", "{\"-1\": 1}", "{\"a\": 1}", "{\"1\": 101}", "{\"1\": \"5\"}")) {
            LanternException e = assertThrows(LanternException.class, () -> LogitBiases.parse(json(bad), 100), bad);
            assertEquals("logit_bias", e.param());
        }
        assertNotEquals(null, LogitBiases.parse(json("{\"99\": 100}"), 100));
    }
}
