package dev.lantern.engine.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * The logits steps of one sequence in a fixed order: logit bias, the constraint's mask, EOS suppression, repetition penalty, frequency and
 * presence penalties, then — only when sampling — temperature, top-k, top-p, min-p. Steps that would do
 * nothing are left out, so plain greedy decoding reads the model's logits directly. The chain owns two
 * scratch arrays it alternates between; the array it returns is valid until the next call.
 */
public final class SamplingChain {
    private final List<LogitsStep> steps;
    private final TokenPicker picker;
    private float[] front;
    private float[] back;

    public SamplingChain(List<LogitsStep> steps, TokenPicker picker) {
        this.steps = List.copyOf(steps);
        this.picker = picker;
    }

    public static SamplingChain of(SamplingParams p, int[] eosIds) {
        List<LogitsStep> steps = new ArrayList<>();
        if (!p.logitBias().isEmpty()) {
            steps.add(new LogitBias(p.logitBias()));
        }
        if (p.constraint() != null) {
            // before every warper, so that top-k/top-p/min-p choose among tokens the document allows
            steps.add(new ConstrainedDecoding(p.constraint(), eosIds));
        }
        if (p.ignoreEos() || p.minTokens() > 0) {
            steps.add(new EosSuppression(eosIds, p.minTokens(), p.ignoreEos()));
        }
        if (p.repetitionPenalty() != 1f) {
            steps.add(new RepetitionPenalty(p.repetitionPenalty()));
        }
        if (p.frequencyPenalty() != 0f || p.presencePenalty() != 0f) {
            steps.add(new FrequencyPresencePenalty(p.frequencyPenalty(), p.presencePenalty()));
        }
        if (p.greedy()) {
            return new SamplingChain(steps, GreedyPicker.INSTANCE);
        }
        if (p.temperature() != 1f) {
            steps.add(new Temperature(p.temperature()));
        }
        if (p.topK() > 0) {
            steps.add(new TopK(p.topK()));
        }
        if (p.topP() < 1f) {
            steps.add(new TopP(p.topP()));
        }
        if (p.minP() > 0f) {
            steps.add(new MinP(p.minP()));
        }
        return new SamplingChain(steps, new CategoricalPicker(p.seed()));
    }

    /** The processed scores: {@code logits} itself when there are no steps (it is then not copied). */
    public float[] process(float[] logits, TokenHistory history) {
        if (steps.isEmpty()) {
            return logits;
        }
        if (front == null || front.length != logits.length) {
            front = new float[logits.length];
            back = new float[logits.length];
        }
        float[] in = logits;
        for (LogitsStep step : steps) {
            float[] out = in == front ? back : front;
            step.apply(in, out, history);
            in = out;
        }
        return in;
    }

    public int pick(float[] processed) {
        return picker.pick(processed);
    }

    List<LogitsStep> steps() {
        return steps;
    }
}
