package dev.lantern.app.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.documents.ShareRequest;
import dev.lantern.app.generation.GenerateRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies keep their JSON types: what plain JSON-B converts silently is refused, naming the property. */
class StrictJsonTypesTest {
    /** What the REST API reads request bodies with: the resolver's Jsonb. */
    private static final Jsonb JSONB = new StrictJsonTypes().getContext(Object.class);

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "0", "{}", "[]"})
    void aBooleanTakesOnlyTrueOrFalse(String value) {
        JsonbException e = assertThrows(JsonbException.class, () -> share("{\"shared\":" + value + "}"));
        assertTrue(chain(e).contains("shared"), chain(e));
        assertTrue(chain(e).contains("expected true or false"), chain(e));
    }

    @Test
    void booleansAndNullsStillRead() {
        assertEquals(Boolean.TRUE, share("{\"shared\":true}").shared());
        assertEquals(Boolean.FALSE, share("{\"shared\":false}").shared());
        assertNull(share("{\"shared\":null}").shared());
        assertNull(share("{}").shared());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"5\"", "true", "2147483648", "1e400", "[1]"})
    void anIntegerTakesOnlyAWholeNumberInRange(String value) {
        JsonbException e = assertThrows(JsonbException.class,
                () -> generate("{\"text\":\"hi\",\"max_tokens\":" + value + "}"));
        assertTrue(chain(e).contains("max_tokens") || chain(e).contains("maxTokens"), chain(e));
        assertTrue(chain(e).length() < 2_000, "the message stays short");
    }

    @Test
    void numbersStringsAndLongsStillRead() {
        GenerateRequest r = generate("{\"text\":\"hi\",\"max_tokens\":5.0,\"temperature\":1,\"top_p\":0.5,"
                + "\"seed\":9007199254740993}");
        assertEquals(5, r.maxTokens());
        assertEquals(1.0, r.temperature());
        assertEquals(0.5, r.topP());
        assertEquals(9007199254740993L, r.seed());
        assertEquals("hi", r.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":123}", "{\"text\":true}", "{\"text\":[\"a\"]}",
            "{\"text\":\"a\",\"temperature\":\"1\"}"})
    void stringsAndDoublesKeepTheirTypes(String body) {
        assertThrows(JsonbException.class, () -> generate(body));
    }

    private static ShareRequest share(String json) {
        return JSONB.fromJson(json, ShareRequest.class);
    }

    private static GenerateRequest generate(String json) {
        return JSONB.fromJson(json, GenerateRequest.class);
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
