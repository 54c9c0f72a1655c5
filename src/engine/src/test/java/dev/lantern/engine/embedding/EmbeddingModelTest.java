package dev.lantern.engine.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.RuntimeOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingModelTest {
    private static EmbeddingModel model;

    @BeforeAll
    static void load() {
        model = EmbeddingModels.allMiniLmFromClasspath(EmbeddingModelTest.class.getClassLoader(),
                RuntimeOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void helloWorldMatchesSentenceTransformers() {
        float[] v = model.embed("hello world");
        assertEquals(384, v.length);
        float[] expected = {-0.0344773f, 0.0310232f, 0.0067349f, 0.0261089f, -0.0393620f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], v[i], 1e-4, "component " + i);
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-5);
    }

    @Test
    void batchEqualsOneByOne() {
        List<String> texts = List.of("hello world", "A much longer sentence about ONNX Runtime and Jakarta EE.",
                "short");
        List<float[]> batch = model.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(model.embed(texts.get(i)), batch.get(i), 1e-5f, texts.get(i));
        }
    }

    @Test
    void countsTokensWithoutTruncatingButEmbedsOnlyTheFirst256() {
        assertEquals(4, model.countTokens("hello world"), "[CLS] hello world [SEP]");
        String longText = "retrieval ".repeat(400);
        assertTrue(model.countTokens(longText) > 400);
        float[] truncated = model.embed(longText);
        float[] longer = model.embed(longText + "completely different ending about cats and dogs");
        assertArrayEquals(truncated, longer, 1e-6f, "only the first 256 tokens count");
    }
}
