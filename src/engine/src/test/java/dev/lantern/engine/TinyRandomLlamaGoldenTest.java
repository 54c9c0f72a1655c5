package dev.lantern.engine;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TinyRandomLlamaGoldenTest {
    private static LanguageModel model;
    private static Reference ref;

    @BeforeAll
    static void load() throws IOException {
        model = LanguageModel.load(Reference.TINY, RuntimeOptions.defaults().withOnnxFile("model.onnx"));
        ref = Reference.read(Reference.TINY);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void lastLogitsAndSecondStepMatchPyTorch() {
        GoldenChecks.logitsMatch(model, ref, 1e-4);
    }

    @Test
    void greedyTokensMatchBatchedAndAlone() {
        GoldenChecks.greedyMatchesBatchedAndAlone(model, ref);
    }
}
