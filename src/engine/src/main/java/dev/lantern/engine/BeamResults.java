package dev.lantern.engine;

import dev.lantern.engine.generation.BeamSearch;
import dev.lantern.engine.generation.Sequence;
import dev.lantern.engine.tokenizer.TextTokenizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Turns the winning beam into a result; the text is streamed as one event since beams change until the end. */
final class BeamResults {
    private BeamResults() {
    }

    static GenerationResult toResult(BeamSearch.Outcome outcome, Sequence sequence, TextTokenizer tokenizer) {
        BeamSearch.Hypothesis best = outcome.best();
        int[] tokens = best.tokens();
        int textTokens = best.endedWithEos() ? tokens.length - 1 : tokens.length;
        String text = tokenizer.decode(Arrays.copyOf(tokens, textTokens));
        FinishReason reason = outcome.cancelled() ? interruption(sequence)
                : best.endedWithEos() ? FinishReason.STOP : FinishReason.LENGTH;
        for (String stop : sequence.params().stop()) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0) {
                text = text.substring(0, at);
                reason = FinishReason.STOP;
            }
        }
        sequence.request().listener().onToken(new TokenEvent(text, tokens.length == 0 ? -1 : tokens[tokens.length - 1],
                Float.NaN, List.of()));
        Duration total = sequence.result().total();
        return new GenerationResult(text, tokens, reason, sequence.promptIds().length, tokens.length,
                sequence.cachedPromptTokens(), total, total,
                List.of());
    }

    /** Why an interrupted search ended: its deadline passed (TIMEOUT) or it was cancelled. */
    private static FinishReason interruption(Sequence sequence) {
        FinishReason reason = sequence.finished() ? sequence.result().finishReason() : null;
        return reason == FinishReason.TIMEOUT ? FinishReason.TIMEOUT : FinishReason.CANCELLED;
    }
}
