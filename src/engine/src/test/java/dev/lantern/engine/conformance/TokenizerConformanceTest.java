package dev.lantern.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.engine.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real tokenizer.json of each model family (Llama 2/3.x, Qwen 2.5/3, Gemma 3, DeepSeek V3, Mistral Nemo,
 * Command R+) loaded by the engine gives the same ids as Hugging Face's tokenizers (the library transformers
 * runs) for texts in many scripts, with special-token strings among them, and for the chats the family's own
 * template rendered, encoded as transformers encodes a rendered chat. Where Hugging Face's JavaScript port
 * (the second oracle) disagrees with the library, the test prints it: the port, not the engine, is then off.
 */
class TokenizerConformanceTest {
    private static final String EXPECTED = "tokens-expected.json";

    @TestFactory
    Stream<? extends DynamicNode> givesTheIdsOfHuggingFaceTokenizers() {
        String missing = Conformance.missingBecause(EXPECTED);
        if (missing != null) {
            return Conformance.skipped("tokenizer conformance", missing);
        }
        JsonNode expected = Conformance.read(Conformance.BUILT.resolve(EXPECTED));
        List<DynamicContainer> families = new ArrayList<>();
        expected.path("families").fields().forEachRemaining(family -> families.add(DynamicContainer.dynamicContainer(
                family.getKey(), Stream.of(family).flatMap(f -> cases(f.getKey(), f.getValue())))));
        System.out.println("[conformance] tokenizers: " + families.size() + " families against "
                + expected.path("oracle").asText() + "; where " + expected.path("second").asText() + " differs:");
        expected.path("families").fields().forEachRemaining(family -> family.getValue().forEach(kind -> kind.forEach(c -> {
            if (!c.path("ids").equals(c.path("port_ids"))) {
                System.out.println("[conformance]   " + family.getKey() + " " + c.path("text"));
            }
        })));
        return families.stream();
    }

    private static Stream<DynamicTest> cases(String family, JsonNode expected) {
        TextTokenizer tokenizer = RealTokenizers.of(family);
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : List.of("texts", "chats")) {
            int i = 0;
            for (JsonNode c : expected.path(kind)) {
                String text = c.path("text").asText();
                int[] want = Conformance.JSON.convertValue(c.path("ids"), int[].class);
                tests.add(DynamicTest.dynamicTest(kind + " " + i++, () -> assertArrayEquals(want,
                        tokenizer.encodeChat(text), () -> "text " + Conformance.JSON.valueToTree(text))));
            }
        }
        return tests.stream();
    }
}
