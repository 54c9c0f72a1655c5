package dev.lantern.engine.sampling;

/** The highest score; the lowest id among ties, as torch.argmax. */
public final class GreedyPicker implements TokenPicker {
    public static final GreedyPicker INSTANCE = new GreedyPicker();

    @Override
    public int pick(float[] scores) {
        return argmax(scores);
    }

    public static int argmax(float[] scores) {
        int best = 0;
        float bestScore = scores[0];
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > bestScore) {
                bestScore = scores[i];
                best = i;
            }
        }
        return best;
    }
}
