package dev.lantern.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.onnx.DecoderSession;
import dev.lantern.engine.onnx.KvCache;
import java.util.Arrays;
import java.util.List;

/** The golden checks shared by the tiny model and the demo model. */
final class GoldenChecks {
    private GoldenChecks() {
    }

    static void logitsMatch(LanguageModel model, Reference ref, double tolerance) {
        DecoderSession decoder = model.decoder();
        int batch = ref.inputIds().length;
        int width = ref.inputIds()[0].length;
        float[][] logits = new float[batch][decoder.vocabSize()];
        try (KvCache empty = KvCache.empty(decoder.environment(), decoder.signature(), batch);
             KvCache cache = decoder.run(flat(ref.inputIds()), flat(ref.attentionMask()), flat(ref.positionIds()),
                     batch, width, empty, logits)) {
            assertClose(ref.logitsLast(), logits, tolerance, "logits_last");
            long[] mask2 = new long[batch * (width + 1)];
            long[] positions2 = new long[batch];
            for (int r = 0; r < batch; r++) {
                System.arraycopy(ref.attentionMask()[r], 0, mask2, r * (width + 1), width);
                mask2[r * (width + 1) + width] = 1;
                positions2[r] = ref.positionIds()[r][width - 1] + 1;
            }
            try (KvCache ignored = decoder.run(flat(ref.nextIds()), mask2, positions2, batch, 1, cache, logits)) {
                assertClose(ref.logitsStep2(), logits, tolerance, "logits_step2");
            }
        }
    }

    static void greedyMatchesBatchedAndAlone(LanguageModel model, Reference ref) {
        int steps = ref.greedyIds()[0].length;
        GenerationSettings greedy = GenerationSettings.builder().greedy().maxTokens(steps).build();
        List<GenerationResult> batched = model.generateBatch(List.of(
                GenerationRequest.of(ref.prompt(0), greedy), GenerationRequest.of(ref.prompt(1), greedy)));
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(ref.greedyIds()[r], batched.get(r).tokenIds(), "batched row " + r);
            GenerationResult alone = model.generate(GenerationRequest.of(ref.prompt(r), greedy));
            assertArrayEquals(ref.greedyIds()[r], alone.tokenIds(), "row " + r + " alone");
        }
    }

    static long[] flat(long[][] rows) {
        return Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
    }

    static void assertClose(float[][] expected, float[][] actual, double tolerance, String what) {
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int i = 0; i < expected[r].length; i++) {
                worst = Math.max(worst, Math.abs(expected[r][i] - actual[r][i]));
            }
        }
        assertTrue(worst <= tolerance, what + ": max difference " + worst + " > " + tolerance);
    }
}
