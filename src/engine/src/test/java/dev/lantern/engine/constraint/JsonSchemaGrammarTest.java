package dev.lantern.engine.constraint;

import static dev.lantern.engine.constraint.Documents.accepts;
import static dev.lantern.engine.constraint.Documents.grammar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each supported keyword accepts what it should and nothing else; each unsupported one is refused by path. */
class JsonSchemaGrammarTest {

    private static void check(String schema, String[] valid, String[] invalid) {
        Grammar g = grammar(schema);
        for (String v : valid) {
            assertTrue(accepts(g, v), schema + " should accept " + v);
        }
        for (String v : invalid) {
            assertFalse(accepts(g, v), schema + " should reject " + v);
        }
    }

    @Test
    void types() {
        check("{\"type\":\"integer\"}", new String[] {"0", "-7", "123456789012345"},
                new String[] {"01", "-0", "1.5", "\"1\"", "1234567890123456", " 1", "1 "});
        check("{\"type\":\"number\"}", new String[] {"0", "-1.25", "3e10", "1E-5", "0.5"},
                new String[] {"00", ".5", "1.", "1e", "+1", "-"});
        check("{\"type\":\"boolean\"}", new String[] {"true", "false"}, new String[] {"True", "1"});
        check("{\"type\":\"null\"}", new String[] {"null"}, new String[] {"nul", "\"null\""});
        check("{\"type\":[\"string\",\"null\"]}", new String[] {"\"a\"", "null"}, new String[] {"1"});
        check("{\"type\":\"string\",\"nullable\":true}", new String[] {"\"a\"", "null"}, new String[] {"1"});
    }

    @Test
    void strings() {
        check("{\"type\":\"string\"}", new String[] {"\"\"", "\"héllo ☃ 😀\"", "\"a\\\"b\\\\c\\n\"", "\"\\u001b\""},
                new String[] {"\"a", "\"a\nb\"", "\"\\x\"", "'a'", "\"\\u00e9\""});
        check("{\"type\":\"string\",\"minLength\":2,\"maxLength\":3}",
                new String[] {"\"ab\"", "\"abc\"", "\"é😀\"", "\"\\n\\t\""}, new String[] {"\"a\"", "\"abcd\""});
        check("{\"type\":\"string\",\"pattern\":\"^[a-z]+-\\\\d{2,3}$\"}", new String[] {"\"ab-12\"", "\"x-123\""},
                new String[] {"\"ab-1\"", "\"AB-12\"", "\"ab-1234\""});
        check("{\"type\":\"string\",\"pattern\":\"ab\"}", new String[] {"\"ab\"", "\"xxabyy\""},
                new String[] {"\"a\"", "\"ba\""});
        check("{\"type\":\"string\",\"pattern\":\"^(?:a|b\\\"c)*$\"}", new String[] {"\"ab\\\"c\"", "\"\""},
                new String[] {"\"b\"c\""});
    }

    @Test
    void formats() {
        check("{\"type\":\"string\",\"format\":\"date\"}", new String[] {"\"2024-02-28\"", "\"1999-12-31\""},
                new String[] {"\"2024-02-30\"", "\"2024-13-01\"", "\"24-01-01\""});
        check("{\"type\":\"string\",\"format\":\"date-time\"}",
                new String[] {"\"2024-05-06T07:08:09Z\"", "\"2024-05-06T07:08:09.123+02:00\""},
                new String[] {"\"2024-05-06 07:08:09Z\"", "\"2024-05-06T24:00:00Z\""});
        check("{\"type\":\"string\",\"format\":\"uuid\"}", new String[] {"\"123e4567-e89b-12d3-a456-426614174000\""},
                new String[] {"\"123e4567e89b12d3a456426614174000\""});
        check("{\"type\":\"string\",\"format\":\"email\"}", new String[] {"\"a.b@example.com\""},
                new String[] {"\"a@b\"", "\"@example.com\""});
    }

    @Test
    void integerRanges() {
        check("{\"type\":\"integer\",\"minimum\":-15,\"maximum\":120}", new String[] {"-15", "-9", "0", "99", "120"},
                new String[] {"-16", "121", "200", "-100"});
        check("{\"type\":\"integer\",\"minimum\":7}", new String[] {"7", "10", "999999"}, new String[] {"6", "-1"});
        check("{\"type\":\"integer\",\"exclusiveMaximum\":0}", new String[] {"-1", "-50"}, new String[] {"0", "1"});
        check("{\"type\":\"number\",\"minimum\":-2,\"maximum\":3}", new String[] {"-2", "-1.5", "2.99", "3", "0.1"},
                new String[] {"3.5", "-2.5", "4", "3.0"});
    }

    @Test
    void objectsInSchemaOrder() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},"
                + "\"b\":{\"type\":\"string\"},\"c\":{\"type\":\"boolean\"}},\"required\":[\"b\"]}";
        check(schema, new String[] {"{\"b\":\"x\"}", "{\"a\":1,\"b\":\"x\"}", "{\"a\":1,\"b\":\"x\",\"c\":true}",
                "{\"b\":\"x\",\"c\":false}"},
                new String[] {"{}", "{\"a\":1}", "{\"b\":\"x\",\"a\":1}", "{\"b\":\"x\",\"d\":1}", "{\"b\":\"x\",}",
                        "{ \"b\":\"x\"}"});
    }

    @Test
    void additionalProperties() {
        check("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"additionalProperties\":"
                + "{\"type\":\"string\"}}", new String[] {"{\"a\":1,\"b\":\"x\"}", "{\"x\":\"y\",\"z\":\"w\"}", "{}"},
                new String[] {"{\"b\":1}", "{\"a\":\"x\"}", "{\"a\":1,\"a\":\"x\"}"});
        check("{\"type\":\"object\"}", new String[] {"{}", "{\"k\":[1,{\"x\":null}],\"v\":\"s\"}"},
                new String[] {"[]", "{\"k\"}"});
    }

    @Test
    void arrays() {
        check("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}", new String[] {"[]", "[1]", "[1,2,3]"},
                new String[] {"[1,]", "[,1]", "[\"a\"]"});
        check("{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":2,\"maxItems\":3}",
                new String[] {"[1,2]", "[1,2,3]"}, new String[] {"[1]", "[1,2,3,4]"});
        check("{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":5}",
                new String[] {"[1,2,3,4,5]", "[1,2,3,4,5,6,7]"}, new String[] {"[1,2,3,4]"});
        check("{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":6}",
                new String[] {"[]", "[1,2,3,4,5,6]"}, new String[] {"[1,2,3,4,5,6,7]"});
        check("{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}",
                new String[] {"[\"a\",1]", "[\"a\"]", "[]"}, new String[] {"[1]", "[\"a\",1,2]"});
        check("{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":{\"type\":\"integer\"}}",
                new String[] {"[\"a\",1,2]"}, new String[] {"[\"a\",\"b\"]"});
    }

    @Test
    void enumsAndConsts() {
        check("{\"enum\":[\"red\",1,null,{\"a\":[1]}]}", new String[] {"\"red\"", "1", "null", "{\"a\":[1]}"},
                new String[] {"\"blue\"", "2"});
        check("{\"type\":\"string\",\"enum\":[\"a\",1]}", new String[] {"\"a\""}, new String[] {"1"});
        check("{\"const\":\"x\\\"y\"}", new String[] {"\"x\\\"y\""}, new String[] {"\"x\""});
    }

    @Test
    void alternativesWithSharedPrefixes() {
        check("{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"required\":[\"a\"]},"
                + "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}]}",
                new String[] {"{\"a\":1}", "{\"a\":\"s\"}"}, new String[] {"{\"a\":true}"});
        check("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", new String[] {"\"s\"", "3"},
                new String[] {"true"});
    }

    @Test
    void recursiveReferences() {
        String tree = "{\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"integer\"},"
                + "\"kids\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/node\"}}},\"required\":[\"v\"]}},"
                + "\"type\":\"object\",\"properties\":{\"root\":{\"$ref\":\"#/$defs/node\"}},\"required\":[\"root\"]}";
        check(tree, new String[] {"{\"root\":{\"v\":1}}", "{\"root\":{\"v\":1,\"kids\":[{\"v\":2},{\"v\":3,\"kids\":[]}]}}"},
                new String[] {"{\"root\":{\"kids\":[]}}", "{\"root\":{\"v\":1,\"kids\":[{}]}}"});
        check("{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#\"}}}",
                new String[] {"{}", "{\"next\":{\"next\":{}}}"}, new String[] {"{\"next\":1}"});
    }

    @Test
    void nestingStopsAtTheDepthLimit() {
        Grammar g = grammar("{\"type\":\"object\"}");
        String deep = "{\"a\":".repeat(Limits.MAX_CALL_DEPTH) + "1" + "}".repeat(Limits.MAX_CALL_DEPTH);
        String deeper = "{\"a\":".repeat(Limits.MAX_CALL_DEPTH + 1) + "1" + "}".repeat(Limits.MAX_CALL_DEPTH + 1);
        assertTrue(accepts(g, deep));
        assertFalse(accepts(g, deeper));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"integer\",\"multipleOf\":2}|multipleOf",
            "{\"properties\":{\"age\":{\"type\":\"integer\",\"multipleOf\":2}}}|properties.age.multipleOf",
            "{\"type\":\"string\",\"format\":\"uri\"}|format",
            "{\"type\":\"string\",\"pattern\":\"(?=a)\"}|pattern",
            "{\"type\":\"string\",\"pattern\":\"\\\\bword\"}|pattern",
            "{\"type\":\"number\",\"minimum\":0.5}|minimum",
            "{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"number\"}]}|oneOf",
            "{\"allOf\":[{\"type\":\"integer\"},{\"minimum\":1}]}|allOf",
            "{\"$ref\":\"other.json#/x\"}|$ref",
            "{\"items\":{\"patternProperties\":{}}}|items.patternProperties",
            "{\"anyOf\":[{\"type\":\"string\"}],\"minLength\":2}|minLength",
            "{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{},\"additionalProperties\":false}|",
    })
    void refusesWhatItCannotEnforce(String schema, String path) {
        UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class, () -> grammar(schema));
        assertEquals(path == null ? "" : path, e.path(), e.getMessage());
    }
}
