package dev.lantern.engine.constraint;

import static dev.lantern.engine.constraint.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.conformance.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The mask is exact: along random walks through documents, a token is in the mask exactly when advancing the
 * matcher by that token succeeds (checked token by token over the whole vocabulary), for schemas with recursion,
 * free values, strings and numbers, with the demo tokenizer and Qwen3's 151,936-token one.
 */
class TokenMaskTest {
    static final List<String> SCHEMAS = List.of(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"maxLength\":12},"
                    + "\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":150},"
                    + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":5}},"
                    + "\"required\":[\"name\",\"age\"]}",
            "{\"$defs\":{\"n\":{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"number\"},"
                    + "\"kids\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/n\"}}},\"required\":[\"v\"]}},"
                    + "\"$ref\":\"#/$defs/n\"}",
            "{\"type\":\"object\"}",
            "{\"anyOf\":[{\"type\":\"string\",\"format\":\"date\"},{\"type\":\"array\",\"items\":true,\"minItems\":4}]}");

    @Test
    void demoMasksAreExact() throws Exception {
        TokenVocabulary v = TokenVocabulary.read(TokenVocabularyTest.DEMO);
        for (String schema : SCHEMAS) {
            walkAndCompare(new TokenConstraint(Documents.grammar(schema), v), 40, 3);
        }
    }

    @Test
    void qwen3MasksAreExact() throws Exception {
        Path file = Conformance.BUILT.resolve("models/qwen3/tokenizer.json");
        Assumptions.assumeTrue(Files.exists(file), "no Qwen3 tokenizer: " + Conformance.missingBecause("models/qwen3/tokenizer.json"));
        TokenVocabulary v = TokenVocabulary.read(file);
        for (String schema : SCHEMAS) {
            walkAndCompare(new TokenConstraint(Documents.grammar(schema), v), 12, 1);
        }
    }

    /** Random walks: at each step compare the mask with brute force, then take a random allowed token. */
    private static void walkAndCompare(TokenConstraint c, int steps, int walks) {
        Random random = new Random(7);
        int vocab = c.vocabulary().size();
        for (int w = 0; w < walks; w++) {
            TokenMatcher m = c.start();
            for (int step = 0; step < steps; step++) {
                BitSet mask = new BitSet();
                m.allowedTokens(mask);
                for (int id = 0; id < vocab; id++) {
                    boolean advances = c.vocabulary().bytes(id) != null && c.vocabulary().bytes(id).length > 0
                            && m.advance(id) != null;
                    assertEquals(advances, mask.get(id), "token " + id + " at step " + step);
                }
                if (mask.isEmpty()) {
                    assertTrue(m.accepting(), "a state that cannot continue must be complete");
                    break;
                }
                int pick = mask.stream().skip(random.nextInt(mask.cardinality())).findFirst().getAsInt();
                m = m.advance(pick);
                assertNotNull(m);
            }
        }
    }
}
