package dev.lantern.app.generation.cache;

import java.util.List;

/**
 * What a generation produced, enough to answer again in any shape (whole or streamed): each choice's text,
 * finish reason and token count, and the prompt's token count.
 */
public record CachedAnswer(int promptTokens, List<Choice> choices) {

    public record Choice(String text, String finishReason, int completionTokens) {
    }

    public int completionTokens() {
        return choices.stream().mapToInt(Choice::completionTokens).sum();
    }
}
