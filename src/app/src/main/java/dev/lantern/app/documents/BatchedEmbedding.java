package dev.lantern.app.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Embeds many texts a batch at a time. Texts are grouped by length first (and put back in order after), so
 * that a batch pads its rows to a similar width: the encoder's cost grows with the padded width, and one long
 * chunk in a batch of short ones would make every row pay for it.
 */
public final class BatchedEmbedding {

    private BatchedEmbedding() {
    }

    /**
     * @param model one model call for a batch of texts
     * @param done  told how many texts are embedded after each batch
     */
    public static List<float[]> embed(Function<List<String>, List<float[]>> model, List<String> texts, int batch,
            IntConsumer done) {
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < order.length; from += batch) {
            int to = Math.min(order.length, from + batch);
            List<String> slice = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                slice.add(texts.get(order[i]));
            }
            List<float[]> embedded = model.apply(slice);
            for (int i = from; i < to; i++) {
                vectors[order[i]] = embedded.get(i - from);
            }
            done.accept(to);
        }
        return Arrays.asList(vectors);
    }
}
