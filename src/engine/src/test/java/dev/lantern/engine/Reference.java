package dev.lantern.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The golden reference.json of a model directory (computed in PyTorch). */
public record Reference(long[][] inputIds, long[][] attentionMask, long[][] positionIds, float[][] logitsLast,
                        long[][] nextIds, float[][] logitsStep2, int[][] greedyIds) {

    public static final Path TINY = Path.of("src/test/resources/models/tiny-random-llama");
    public static final Path DEMO = Path.of("../../models/docs-llama-8m");

    public static Reference read(Path modelDir) throws IOException {
        JsonNode n = new ObjectMapper().readTree(modelDir.resolve("reference.json").toFile());
        return new Reference(longs(n.get("input_ids")), longs(n.get("attention_mask")), longs(n.get("position_ids")),
                floats(n.get("logits_last")), longs(n.get("next_ids")), floats(n.get("logits_step2")),
                ints(n.get("greedy_ids")));
    }

    /** Row r's real (unpadded) tokens. */
    public int[] prompt(int row) {
        int count = 0;
        for (long m : attentionMask[row]) {
            count += (int) m;
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < inputIds[row].length; i++) {
            if (attentionMask[row][i] == 1) {
                out[j++] = (int) inputIds[row][i];
            }
        }
        return out;
    }

    private static long[][] longs(JsonNode n) {
        long[][] out = new long[n.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[n.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = n.get(i).get(j).asLong();
            }
        }
        return out;
    }

    private static int[][] ints(JsonNode n) {
        long[][] l = longs(n);
        int[][] out = new int[l.length][];
        for (int i = 0; i < l.length; i++) {
            out[i] = java.util.Arrays.stream(l[i]).mapToInt(v -> (int) v).toArray();
        }
        return out;
    }

    private static float[][] floats(JsonNode n) {
        float[][] out = new float[n.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[n.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) n.get(i).get(j).asDouble();
            }
        }
        return out;
    }
}
