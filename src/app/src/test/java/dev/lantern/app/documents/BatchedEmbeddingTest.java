package dev.lantern.app.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchedEmbeddingTest {

    @Test
    void batchesGroupSimilarLengthsAndVectorsComeBackInTheTextsOrder() {
        List<String> texts = List.of("ccc", "a", "bbbbbbbb", "dd", "eeeee");
        List<List<String>> calls = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        List<float[]> vectors = BatchedEmbedding.embed(batch -> {
            calls.add(batch);
            return batch.stream().map(t -> new float[] {t.length()}).toList();
        }, texts, 2, progress::add);
        assertEquals(List.of(List.of("a", "dd"), List.of("ccc", "eeeee"), List.of("bbbbbbbb")), calls);
        assertEquals(List.of(2, 4, 5), progress);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i).length(), vectors.get(i)[0]);
        }
    }
}
