package dev.lantern.engine;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one generation. {@code tokenIds} are the generated ids (an end-of-sequence token included,
 * as Hugging Face returns it; its text is not); {@code logprobs} is empty unless requested.
 */
public record GenerationResult(String text, int[] tokenIds, FinishReason finishReason, int promptTokens,
                               int completionTokens, Duration timeToFirstToken, Duration total,
                               List<ChosenToken> logprobs) {
}
