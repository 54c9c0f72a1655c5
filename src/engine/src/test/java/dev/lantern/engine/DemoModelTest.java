package dev.lantern.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled demo model, fp32: golden logits and a chat that ends on its own with {@code <|im_end|>}. */
class DemoModelTest {
    private static LanguageModel model;
    private static Reference ref;

    @BeforeAll
    static void load() throws IOException {
        model = LanguageModel.load(Reference.DEMO, RuntimeOptions.defaults().withOnnxFile("model.onnx"));
        ref = Reference.read(Reference.DEMO);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void logitsMatchPyTorch() {
        GoldenChecks.logitsMatch(model, ref, 1e-4);
    }

    @Test
    void greedyTokensMatchBatchedAndAlone() {
        GoldenChecks.greedyMatchesBatchedAndAlone(model, ref);
    }

    @Test
    void chatStopsAtEndOfTurn() {
        String prompt = model.renderChat(List.of(new ChatMessage("user", "What is a generator in Python?")), true);
        List<TokenEvent> events = new ArrayList<>();
        GenerationResult result = model.generate(new GenerationRequest(model.encode(prompt),
                GenerationSettings.builder().greedy().maxTokens(200).build(), events::add, null, null));
        assertEquals(FinishReason.STOP, result.finishReason(), "text: " + result.text());
        int last = result.tokenIds()[result.tokenIds().length - 1];
        assertEquals(2, last, "ends with <|im_end|>");
        assertFalse(result.text().isBlank());
        assertFalse(result.text().contains("<|im_end|>"));
        assertEquals(result.text(), events.stream().map(TokenEvent::text).reduce("", String::concat));
        assertEquals(result.completionTokens(), events.size());
        assertTrue(result.timeToFirstToken().compareTo(result.total()) <= 0);
    }
}
