package dev.lantern.engine.sampling;

import dev.lantern.engine.TokenLogProb;
import java.util.ArrayList;
import java.util.List;

/** Log-softmax over scores, for the chosen token and the N most likely alternatives. */
public final class LogProbs {
    private LogProbs() {
    }

    public static double logSumExp(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double total = 0;
        for (float s : scores) {
            total += Math.exp(s - max);
        }
        return max + Math.log(total);
    }

    /** The {@code n} highest log-probabilities, best first (ids for text are filled by the caller). */
    public static List<TokenLogProb> top(float[] scores, double logSumExp, int n) {
        int[] best = new int[Math.min(n, scores.length)];
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            if (count < best.length) {
                best[count++] = i;
                siftUp(best, count - 1, scores);
            } else if (scores[i] > scores[best[count - 1]]) {
                best[count - 1] = i;
                siftUp(best, count - 1, scores);
            }
        }
        List<TokenLogProb> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new TokenLogProb(best[i], null, (float) (scores[best[i]] - logSumExp)));
        }
        return out;
    }

    private static void siftUp(int[] ids, int index, float[] scores) {
        for (int j = index; j > 0 && scores[ids[j]] > scores[ids[j - 1]]; j--) {
            int t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    }
}
