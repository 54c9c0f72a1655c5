package dev.lantern.engine.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The finished candidates of a beam search, at most {@code numBeams}, scored as Hugging Face does:
 * {@code sumLogprobs / generatedLength ^ lengthPenalty}.
 */
final class BeamHypotheses {
    private final int numBeams;
    private final double lengthPenalty;
    private final boolean earlyStopping;
    private final List<BeamSearch.Hypothesis> kept = new ArrayList<>();

    BeamHypotheses(int numBeams, double lengthPenalty, boolean earlyStopping) {
        this.numBeams = numBeams;
        this.lengthPenalty = lengthPenalty;
        this.earlyStopping = earlyStopping;
    }

    double score(double sumLogprobs, int generatedLength) {
        return sumLogprobs / Math.pow(Math.max(1, generatedLength), lengthPenalty);
    }

    void add(int[] tokens, double sumLogprobs, boolean endedWithEos) {
        double score = score(sumLogprobs, tokens.length);
        if (kept.size() < numBeams || score > worstScore()) {
            kept.add(new BeamSearch.Hypothesis(tokens, sumLogprobs, score, endedWithEos));
            if (kept.size() > numBeams) {
                kept.remove(kept.stream().min(Comparator.comparingDouble(BeamSearch.Hypothesis::score)).orElseThrow());
            }
        }
    }

    /**
     * Done when the list is full and either early stopping is on, or no running beam can still beat the worst
     * kept candidate (HF's heuristic: the best running sum divided by the current length's penalty).
     */
    boolean done(double bestRunningSum, int generatedLength) {
        if (kept.size() < numBeams) {
            return false;
        }
        return earlyStopping || worstScore() >= score(bestRunningSum, generatedLength);
    }

    List<BeamSearch.Hypothesis> all() {
        return List.copyOf(kept);
    }

    private double worstScore() {
        return kept.stream().mapToDouble(BeamSearch.Hypothesis::score).min().orElse(Double.NEGATIVE_INFINITY);
    }
}
