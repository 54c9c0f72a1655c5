package dev.lantern.engine;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one generation. {@code tokenIds} are the generated ids (an end-of-sequence token included,
 * as Hugging Face returns it; its text is not); {@code logprobs} is empty unless requested.
 * {@code cachedPromptTokens} of the prompt tokens were not computed: their keys and values came from the prefix
 * cache (or from an identical prompt prefilled in the same call).
 */
public record GenerationResult(String text, int[] tokenIds, FinishReason finishReason, int promptTokens,
                               int completionTokens, int cachedPromptTokens, Duration timeToFirstToken, Duration total,
                               List<ChosenToken> logprobs) {
}
