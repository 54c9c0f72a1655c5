package dev.lantern.engine.constraint;

import static dev.lantern.engine.constraint.Documents.accepts;
import static dev.lantern.engine.constraint.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.conformance.Conformance;
import dev.lantern.engine.conformance.RealTokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Tool-call grammars: required and lazy, Hermes/Qwen, Llama 3 JSON and Mistral formats, by bytes and by tokens. */
class ToolCallGrammarTest {
    static final List<ToolFunction> FUNCTIONS = List.of(
            new ToolFunction("get_weather", json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                    + "\"unit\":{\"enum\":[\"c\",\"f\"]}},\"required\":[\"city\"]}")),
            new ToolFunction("now", null));
    static final String WEATHER = "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"c\"}}";
    static final String NOW = "{\"name\": \"now\", \"arguments\": {}}";

    @Test
    void requiredHermesCall() {
        Grammar one = ToolCallGrammar.required(FUNCTIONS, ToolCallFormat.hermes(), false);
        Grammar many = ToolCallGrammar.required(FUNCTIONS, ToolCallFormat.hermes(), true);
        String call = "<tool_call>\n" + WEATHER + "\n</tool_call>";
        String two = call + "\n<tool_call>\n" + NOW + "\n</tool_call>";
        assertTrue(accepts(one, call));
        assertFalse(accepts(one, two));
        assertTrue(accepts(many, two));
        assertFalse(accepts(one, "Sure! " + call));
        assertFalse(accepts(one, call.replace("get_weather", "get_time")));
        assertFalse(accepts(one, call.replace("\"c\"", "\"k\"")));
        assertFalse(accepts(one, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {}}\n</tool_call>"));
    }

    @Test
    void lazyHermesCallStartsConstrainedAtTheTrigger() {
        Grammar g = ToolCallGrammar.lazy(FUNCTIONS, ToolCallFormat.hermes(), true);
        assertTrue(accepts(g, "Plain answer, no call < tool > <tool_cal"));
        assertTrue(accepts(g, "Let me check.\n<tool_call>\n" + WEATHER + "\n</tool_call>"));
        assertFalse(accepts(g, "<tool_call>\n{\"name\": \"nope\", \"arguments\": {}}\n</tool_call>"));
        assertFalse(accepts(g, "<tool_call>\n" + WEATHER + "\n</tool_call> and more text"));
        assertFalse(accepts(g, "x <tool_call>"));
    }

    @Test
    void llama3JsonCall() {
        Grammar g = ToolCallGrammar.required(FUNCTIONS, ToolCallFormat.llama3Json(), true);
        assertTrue(accepts(g, WEATHER.replace("arguments", "parameters")));
        assertFalse(accepts(g, WEATHER));
        Grammar lazy = ToolCallGrammar.lazy(FUNCTIONS, ToolCallFormat.llama3Json(), false);
        assertTrue(accepts(lazy, "It is sunny."));
        assertTrue(accepts(lazy, NOW.replace("arguments", "parameters")));
    }

    @Test
    void qwen3TokensSpellACall() throws Exception {
        Path file = Conformance.BUILT.resolve("models/qwen3/tokenizer.json");
        Assumptions.assumeTrue(Files.exists(file), "no Qwen3 tokenizer");
        TokenVocabulary v = TokenVocabulary.read(file);
        String text = "I will look it up.\n<tool_call>\n" + WEATHER + "\n</tool_call>";
        int[] ids = RealTokenizers.of("qwen3").encode(text);
        TokenMatcher m = new TokenConstraint(ToolCallGrammar.lazy(FUNCTIONS, ToolCallFormat.hermes(), false), v).start();
        for (int id : ids) {
            java.util.BitSet mask = new java.util.BitSet();
            m.allowedTokens(mask);
            assertTrue(mask.get(id), "token " + id);
            m = m.advance(id);
            assertNotNull(m);
        }
        assertTrue(m.accepting());
    }

    @Test
    void mistralCallOpensWithItsSpecialToken() throws Exception {
        Path file = Conformance.BUILT.resolve("models/mistral_nemo/tokenizer.json");
        Assumptions.assumeTrue(Files.exists(file), "no Mistral tokenizer");
        TokenVocabulary v = TokenVocabulary.read(file);
        int toolCalls = v.specialTokenId("[TOOL_CALLS]").orElseThrow();
        ToolCallFormat format = ToolCallFormat.mistral(toolCalls);
        String calls = "[" + WEATHER + ", " + NOW + "]";
        int[] ids = RealTokenizers.of("mistral_nemo").encode("[TOOL_CALLS]" + calls);
        assertEquals(toolCalls, ids[0]);
        for (Grammar g : List.of(ToolCallGrammar.required(FUNCTIONS, format, true),
                ToolCallGrammar.lazy(FUNCTIONS, format, true))) {
            TokenMatcher m = new TokenConstraint(g, v).start();
            for (int id : ids) {
                java.util.BitSet mask = new java.util.BitSet();
                m.allowedTokens(mask);
                assertTrue(mask.get(id), "token " + id);
                m = m.advance(id);
            }
            assertTrue(m.accepting());
        }
        TokenMatcher free = new TokenConstraint(ToolCallGrammar.lazy(FUNCTIONS, format, true), v).start();
        assertTrue(free.accepting(), "no call at all is a complete answer in auto mode");
    }

    @Test
    void refusedParametersNameTheTool() {
        List<ToolFunction> bad = List.of(FUNCTIONS.get(0), new ToolFunction("f",
                json("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\",\"multipleOf\":3}}}")));
        UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class,
                () -> ToolCallGrammar.required(bad, ToolCallFormat.hermes(), false));
        assertEquals("tools[1].function.parameters.properties.x.multipleOf", e.path());
    }
}
