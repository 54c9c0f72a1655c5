package dev.lantern.engine.constraint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.engine.conformance.Conformance;
import dev.lantern.engine.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The draft-4 JSON-Schema-Test-Suite (npm json-schema-test-suite, fetched into target/ by
 * src/test/constraint/prepare.sh), for the files of the supported keywords. Every schema either compiles or is
 * refused with a path; for each compiled one, every invalid instance is rejected and every valid instance inside
 * the documented narrowing (explicit or inferred type, declared properties only, in schema order) is accepted,
 * byte by byte and token by token with the demo tokenizer and Qwen3's.
 */
class SchemaTestSuiteTest {
    private static final Path SUITE = Path.of("target/constraint/json-schema-test-suite/tests/draft4");
    private static final List<String> FILES = List.of("type", "properties", "required", "additionalProperties",
            "enum", "items", "additionalItems", "minItems", "maxItems", "anyOf", "oneOf", "ref", "definitions",
            "minLength", "maxLength", "pattern", "minimum", "maximum", "allOf", "default");

    @Test
    void suiteCasesAreAcceptedAndRejected() throws Exception {
        Path skipped = Path.of("target/constraint/SKIPPED");
        Assumptions.assumeFalse(Files.exists(skipped), () -> "[constraint] suite SKIPPED: " + read(skipped));
        Assumptions.assumeTrue(Files.isDirectory(SUITE), "[constraint] suite SKIPPED: run generate-test-resources");
        List<TextTokenizer> tokenizers = new ArrayList<>();
        List<TokenVocabulary> vocabularies = new ArrayList<>();
        tokenizers.add(TextTokenizer.load(TokenVocabularyTest.DEMO, false));
        vocabularies.add(TokenVocabulary.read(TokenVocabularyTest.DEMO));
        Path qwen = Conformance.BUILT.resolve("models/qwen3/tokenizer.json");
        if (Files.exists(qwen)) {
            tokenizers.add(TextTokenizer.load(qwen, false));
            vocabularies.add(TokenVocabulary.read(qwen));
        } else {
            System.out.println("[constraint] Qwen3 tokenizer missing: token-level checks use the demo tokenizer only");
        }
        int schemas = 0;
        int refused = 0;
        int accepted = 0;
        int rejected = 0;
        int outsideNarrowing = 0;
        for (String file : FILES) {
            for (JsonNode group : Documents.JSON.readTree(SUITE.resolve(file + ".json").toFile())) {
                schemas++;
                Grammar g;
                try {
                    g = JsonSchemaGrammar.compile(group.get("schema"), JsonLayout.COMPACT);
                } catch (UnsupportedSchemaException e) {
                    refused++;
                    System.out.printf("[constraint] refused %s / %s: %s%n", file, group.get("description").asText(),
                            e.getMessage());
                    continue;
                }
                List<TokenConstraint> constraints = vocabularies.stream().map(v -> new TokenConstraint(g, v)).toList();
                for (JsonNode test : group.get("tests")) {
                    JsonNode schema = group.get("schema");
                    String doc = JsonText.write(canonical(test.get("data"), schema), JsonLayout.COMPACT);
                    String what = file + " / " + group.get("description").asText() + " / "
                            + test.get("description").asText() + ": " + doc;
                    boolean bytesOk = Documents.accepts(g, doc);
                    if (!test.get("valid").asBoolean()) {
                        assertFalse(bytesOk, "invalid instance accepted: " + what);
                        for (int t = 0; t < tokenizers.size(); t++) {
                            assertFalse(acceptsTokens(constraints.get(t), tokenizers.get(t), doc), what);
                        }
                        rejected++;
                    } else if (insideNarrowing(schema, schema, test.get("data"))) {
                        assertTrue(bytesOk, "valid instance rejected: " + what);
                        for (int t = 0; t < tokenizers.size(); t++) {
                            assertTrue(acceptsTokens(constraints.get(t), tokenizers.get(t), doc), "by tokens: " + what);
                        }
                        accepted++;
                    } else {
                        outsideNarrowing++;
                    }
                }
            }
        }
        System.out.printf("[constraint] JSON-Schema-Test-Suite draft4: %d schemas, %d refused; %d valid instances "
                + "accepted, %d invalid rejected, %d valid outside the documented narrowing%n", schemas, refused,
                accepted, rejected, outsideNarrowing);
        assertTrue(accepted >= 45 && rejected >= 70, "too few cases ran");
    }

    /** The document as the tokenizer spells it, advanced token by token; true when it ends complete. */
    private static boolean acceptsTokens(TokenConstraint c, TextTokenizer tokenizer, String doc) {
        TokenMatcher m = c.start();
        for (int id : tokenizer.encode(doc)) {
            m = m.advance(id);
            if (m == null) {
                return false;
            }
        }
        return m.accepting();
    }

    /** Object keys in the order the grammar writes them: declared properties in schema order, then the rest. */
    private static JsonNode canonical(JsonNode value, JsonNode schema) {
        if (value.isObject() && schema != null && schema.isObject()) {
            ObjectNode out = Documents.JSON.createObjectNode();
            JsonNode props = schema.path("properties");
            props.fieldNames().forEachRemaining(k -> {
                if (value.has(k)) {
                    out.set(k, canonical(value.get(k), props.get(k)));
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!out.has(f.getKey())) {
                    out.set(f.getKey(), canonical(f.getValue(), schema.get("additionalProperties")));
                }
            }
            return out;
        }
        if (value.isArray() && schema != null && schema.path("items").isObject()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Documents.JSON.createArrayNode();
            value.forEach(v -> out.add(canonical(v, schema.get("items"))));
            return out;
        }
        return value;
    }

    /**
     * A valid instance the grammar is documented to exclude: a type the schema only implies by keywords, keys an
     * object with declared properties does not declare, items after a tuple without items, or a number beyond
     * the digit limits.
     */
    private static boolean insideNarrowing(JsonNode root, JsonNode schema, JsonNode value) {
        for (int hops = 0; hops < 8 && schema.isObject() && schema.path("$ref").asText().startsWith("#"); hops++) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
            if (target.isMissingNode()) {
                break;
            }
            schema = target;
        }
        if (!schema.isObject()) {
            return true;
        }
        if (!schema.has("type") && !schema.has("enum") && !schema.has("$ref") && !schema.has("anyOf")
                && !schema.has("oneOf") && !schema.has("allOf")) {
            boolean objectWords = schema.has("properties") || schema.has("required")
                    || schema.has("additionalProperties");
            boolean arrayWords = schema.has("items") || schema.has("minItems") || schema.has("maxItems")
                    || schema.has("additionalItems");
            boolean stringWords = schema.has("minLength") || schema.has("maxLength") || schema.has("pattern");
            boolean numberWords = schema.has("minimum") || schema.has("maximum");
            if ((objectWords || arrayWords || stringWords || numberWords) && !(objectWords && value.isObject()
                    || arrayWords && value.isArray() || stringWords && value.isTextual()
                    || numberWords && value.isNumber())) {
                return false;
            }
        }
        if (value.isObject() && schema.path("properties").size() > 0 && !schema.has("additionalProperties")) {
            for (Iterator<String> k = value.fieldNames(); k.hasNext(); ) {
                if (!schema.get("properties").has(k.next())) {
                    return false;
                }
            }
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode sub = schema.path("properties").path(f.getKey());
                if (!sub.isMissingNode() && !insideNarrowing(root, sub, f.getValue())) {
                    return false;
                }
            }
        }
        if (value.isArray() && schema.path("items").isArray() && !schema.has("additionalItems")
                && value.size() > schema.get("items").size()) {
            return false;
        }
        if (value.isArray() && schema.path("items").isObject()) {
            for (JsonNode v : value) {
                if (!insideNarrowing(root, schema.get("items"), v)) {
                    return false;
                }
            }
        }
        return !value.isNumber() || Math.abs(value.asDouble()) < 1e15 && !value.toString().contains("E");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    static {
        assertNotNull(SUITE);
    }
}
