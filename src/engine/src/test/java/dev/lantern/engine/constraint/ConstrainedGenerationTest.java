package dev.lantern.engine.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.Reference;
import dev.lantern.engine.RuntimeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sampling at temperature 1.0 under a constraint, on the random-weight tiny Llama and on the demo model: every
 * answer that ends by end-of-sequence parses and validates against its schema (checked by {@link SchemaOracle}),
 * and every answer cut by max_tokens ends with finish reason length. Rows run batched, each with its own state.
 */
class ConstrainedGenerationTest {
    static final List<String> SCHEMAS = List.of(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"maxLength\":8},"
                    + "\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":120}},\"required\":[\"name\",\"age\"]}",
            "{\"type\":\"array\",\"items\":{\"enum\":[\"red\",\"green\",\"blue\"]},\"minItems\":1,\"maxItems\":4}",
            "{\"type\":\"object\",\"properties\":{\"when\":{\"type\":\"string\",\"format\":\"date\"},"
                    + "\"id\":{\"type\":\"string\",\"format\":\"uuid\"},\"ok\":{\"type\":\"boolean\"}},"
                    + "\"required\":[\"when\",\"id\",\"ok\"],\"additionalProperties\":false}",
            "{\"anyOf\":[{\"type\":\"integer\",\"minimum\":-5,\"maximum\":5},{\"type\":\"string\",\"pattern\":\"^[a-c]{2,3}$\"},"
                    + "{\"type\":\"null\"}]}",
            "{\"$defs\":{\"n\":{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":9},"
                    + "\"kids\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/n\"},\"maxItems\":2}},"
                    + "\"required\":[\"v\"]}},\"$ref\":\"#/$defs/n\"}",
            "{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"point\"},\"xy\":{\"type\":\"array\","
                    + "\"prefixItems\":[{\"type\":\"number\",\"minimum\":-1,\"maximum\":1},{\"type\":\"number\"}],"
                    + "\"minItems\":2}},\"required\":[\"kind\",\"xy\"]}",
            "{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"t\":{\"const\":\"a\"},\"x\":{\"type\":\"string\",\"maxLength\":3}},"
                    + "\"required\":[\"t\",\"x\"]},{\"type\":\"object\",\"properties\":{\"t\":{\"const\":\"b\"},"
                    + "\"y\":{\"type\":\"boolean\"}},\"required\":[\"t\",\"y\"]}]}",
            "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\",\"format\":\"email\"},"
                    + "\"at\":{\"type\":\"string\",\"format\":\"date-time\"},\"note\":{\"type\":[\"string\",\"null\"],"
                    + "\"minLength\":1,\"maxLength\":5}},\"required\":[\"email\",\"at\",\"note\"]}",
            "{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"object\",\"additionalProperties\":"
                    + "{\"type\":\"integer\",\"minimum\":0,\"maximum\":3}},\"n\":{\"type\":\"number\",\"nullable\":true}},"
                    + "\"required\":[\"tags\",\"n\"]}");

    @Test
    void tinyRandomLlamaAnswersValidate() {
        run(Reference.TINY, RuntimeOptions.defaults(), 6);
    }

    @Test
    void demoModelAnswersValidate() {
        run(Reference.DEMO, RuntimeOptions.defaults().withOnnxFile("model.onnx"), 6);
    }

    @Test
    void beamSearchUnderAConstraintIsRefused() {
        try (LanguageModel model = LanguageModel.load(Reference.TINY, RuntimeOptions.defaults())) {
            TokenConstraint c = new TokenConstraint(Documents.grammar(SCHEMAS.get(0)), model.vocabulary());
            GenerationSettings s = GenerationSettings.builder().numBeams(2).constraint(c).build();
            assertThrows(IllegalArgumentException.class, () -> model.generate("x", s));
        }
    }

    @Test
    void logitBiasOutsideTheVocabularyIsRefused() {
        try (LanguageModel model = LanguageModel.load(Reference.TINY, RuntimeOptions.defaults())) {
            GenerationSettings s = GenerationSettings.builder().logitBias(Map.of(1 << 20, 5.0)).build();
            assertThrows(IllegalArgumentException.class, () -> model.generate("x", s));
        }
    }

    private static void run(Path dir, RuntimeOptions options, int rowsPerSchema) {
        int finished = 0;
        int cut = 0;
        try (LanguageModel model = LanguageModel.load(dir, options)) {
            int[] prompt = model.encode("Answer in JSON:");
            for (String text : SCHEMAS) {
                JsonNode schema = Documents.json(text);
                TokenConstraint c = new TokenConstraint(JsonSchemaGrammar.compile(schema, JsonLayout.COMPACT),
                        model.vocabulary());
                List<GenerationRequest> rows = new ArrayList<>();
                for (int i = 0; i < rowsPerSchema; i++) {
                    rows.add(GenerationRequest.of(prompt, GenerationSettings.builder().temperature(1.0).topP(1.0)
                            .topK(0).seed(1000L + i).maxTokens(120).constraint(c).build()));
                }
                for (GenerationResult r : model.generateBatch(rows)) {
                    if (r.finishReason() == FinishReason.STOP) {
                        JsonNode doc = parse(r.text());
                        assertEquals(Set0.EMPTY, SchemaOracle.errors(schema, doc), text + " → " + r.text());
                        finished++;
                    } else {
                        assertEquals(FinishReason.LENGTH, r.finishReason(), r.text());
                        cut++;
                    }
                }
            }
        }
        System.out.printf("[constraint] %s: %d answers finished and validated, %d cut by max_tokens%n",
                dir.getFileName(), finished, cut);
        assertTrue(finished >= SCHEMAS.size() * rowsPerSchema / 2, finished + " finished of "
                + SCHEMAS.size() * rowsPerSchema);
    }

    private static JsonNode parse(String text) {
        try {
            return Documents.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The empty set, typed for assertEquals against a set of validation messages. */
    private static final class Set0 {
        static final java.util.Set<Object> EMPTY = java.util.Set.of();
    }
}
