package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.GenerationSettings;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request's sampling fields (and its steering: constraint, logit_bias) into engine settings. Unset fields stay null (the model's
 * generation_config.json applies), except that when the caller chose none of temperature, top_p, top_k and
 * beams, the configured automatic table fills them from the prompt length (the tutorial's lesson 4).
 */
final class SettingsMapper {

    static final int MAX_STOP_SEQUENCES = 16;
    private static final int DEFAULT_BEAMS = 3;

    private SettingsMapper() {
    }

    /** Free settings, without a constraint or logit_bias. */
    static GenerationSettings settings(SamplingFields f, AutoSettings auto, int promptTokens, int choice) {
        return settings(f, auto, promptTokens, choice, Steering.NONE);
    }

    /**
     * @param steering the request's constraint and logit_bias, bound to its model: beam search, ignore_eos and
     *                 min_tokens are refused under a constraint (a beam search is not masked per step, and a
     *                 document that is complete must be allowed to end), and the automatic table never chooses beams
     */
    static GenerationSettings settings(SamplingFields f, AutoSettings auto, int promptTokens, int choice,
                                       Steering steering) {
        if (f.minTokens() != null && f.maxTokens() != null && f.minTokens() > f.maxTokens()) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "min_tokens (" + f.minTokens()
                    + ") must not exceed max_tokens (" + f.maxTokens() + ").").withParam("min_tokens");
        }
        Integer beams = f.numBeams();
        if (Boolean.TRUE.equals(f.useBeamSearch())) {
            beams = Math.max(2, beams == null ? DEFAULT_BEAMS : beams);
        }
        boolean severalChoices = f.n() != null && f.n() > 1;
        if (severalChoices && beams != null && beams > 1) {
            // each choice is its own request, and a beam search gives the same text every time
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "n > 1 cannot be combined with beam search: "
                    + "every choice would be the same best beam. Ask for n = 1, or sample.").withParam("n");
        }
        boolean constrained = steering.constraint() != null;
        if (constrained) {
            refuseUnderConstraint(beams != null && beams > 1, "num_beams", "beam search", steering);
            refuseUnderConstraint(Boolean.TRUE.equals(f.ignoreEos()), "ignore_eos", "ignore_eos", steering);
            refuseUnderConstraint(f.minTokens() != null && f.minTokens() > 0, "min_tokens", "min_tokens", steering);
        }
        GenerationSettings.Builder b = GenerationSettings.builder()
                .maxTokens(f.maxTokens()).minTokens(f.minTokens())
                .temperature(f.temperature()).topP(f.topP()).topK(f.topK()).minP(f.minP())
                .repetitionPenalty(f.repetitionPenalty()).frequencyPenalty(f.frequencyPenalty())
                .presencePenalty(f.presencePenalty()).numBeams(beams).lengthPenalty(f.lengthPenalty())
                .earlyStopping(f.earlyStopping()).stop(stops(f.stop())).ignoreEos(f.ignoreEos())
                .logprobs(f.logprobAlternatives())
                // each of n choices samples its own text; a fixed seed still makes all of them reproducible
                .seed(f.seed() == null ? null : f.seed() + choice)
                .constraint(steering.constraint()).logitBias(steering.logitBias());
        boolean chosen = f.temperature() != null || f.topP() != null || f.topK() != null || beams != null;
        AutoSettings.Rule rule = chosen || auto == null ? null : auto.forPromptLength(promptTokens);
        if (rule != null) {
            // several choices sample, even where the table would search beams (which would repeat one answer)
            b.numBeams(severalChoices || constrained ? null : rule.numBeams()).temperature(rule.temperature()).topP(rule.topP())
                    .topK(rule.topK());
        }
        return b.build();
    }

    private static void refuseUnderConstraint(boolean asked, String param, String what, Steering steering) {
        if (asked) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, param + ": " + what + " cannot be combined with "
                    + steering.constraintParam() + ", which constrains every token of the answer (and lets it end "
                    + "once it is complete).").withParam(param);
        }
    }

    /** {@code stop} as a list: absent, a string, or an array of non-empty strings. */
    static List<String> stops(JsonValue stop) {
        if (stop == null || stop.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (stop instanceof JsonString s) {
            return nonEmpty(List.of(s.getString()));
        }
        if (stop instanceof JsonArray array && array.size() <= MAX_STOP_SEQUENCES) {
            List<String> out = new ArrayList<>();
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s)) {
                    throw invalidStop();
                }
                out.add(s.getString());
            }
            return nonEmpty(out);
        }
        throw invalidStop();
    }

    private static List<String> nonEmpty(List<String> stops) {
        if (stops.stream().anyMatch(String::isEmpty)) {
            throw invalidStop();
        }
        return stops;
    }

    private static LanternException invalidStop() {
        return new LanternException(ErrorCode.VALIDATION_ERROR, "stop: a non-empty string or an array of at most "
                + MAX_STOP_SEQUENCES + " non-empty strings").withParam("stop");
    }
}
