package dev.lantern.app.documents.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each ranking gives an item
 * {@code 1 / (k + rank)}, rank from 1, and the sums order the result. It needs no score calibration between
 * BM25 and cosine similarity, which live on unrelated scales; {@code k = 60} is the paper's constant.
 */
public final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {
    }

    /** An item and its fused score. */
    public record Fused<T>(T item, double score) {
    }

    @SafeVarargs
    public static <T> List<Fused<T>> fuse(int k, int limit, List<T>... rankings) {
        Map<T, Double> scores = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank), 1.0 / (k + rank + 1), Double::sum);
            }
        }
        List<Fused<T>> fused = new ArrayList<>(scores.size());
        scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }
}
