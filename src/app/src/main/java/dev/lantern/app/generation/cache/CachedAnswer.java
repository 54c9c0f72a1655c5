package dev.lantern.app.generation.cache;

import dev.lantern.app.documents.retrieval.Citation;
import java.util.List;

/**
 * What a generation produced, enough to answer again in any shape (whole or streamed): each choice's text,
 * finish reason and token count, the prompt's token count, and a grounded answer's citations (else null).
 */
public record CachedAnswer(int promptTokens, List<Choice> choices, List<Citation> citations) {

    public record Choice(String text, String finishReason, int completionTokens) {
    }

    public int completionTokens() {
        return choices.stream().mapToInt(Choice::completionTokens).sum();
    }
}
