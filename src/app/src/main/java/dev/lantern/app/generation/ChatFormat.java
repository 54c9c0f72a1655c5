package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.TokenEvent;
import java.util.List;

/** Chat completion chunks: the assistant role first, then content deltas, then the finish reason. */
final class ChatFormat implements StreamFormat {

    private final String id;
    private final long created;
    private final String model;
    private final LanguageModel language;
    private final List<Citation> citations;

    /** With {@code citations} (grounded generation) on the first chunk of choice 0. */
    ChatFormat(String id, long created, String model, LanguageModel language, List<Citation> citations) {
        this.citations = citations;
        this.id = id;
        this.created = created;
        this.model = model;
        this.language = language;
    }

    @Override
    public Object opening(int choice) {
        ChatCompletionChunk.Choice opening = new ChatCompletionChunk.Choice(choice,
                new ChatCompletionChunk.Delta("assistant", ""), null, null);
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(opening), null,
                choice == 0 ? citations : null);
    }

    @Override
    public Object token(int choice, TokenEvent event) {
        ChatLogprobs logprobs = Float.isNaN(event.logprob()) ? null
                : ChatLogprobs.of(event, language.decode(new int[] {event.tokenId()}));
        if (event.text().isEmpty() && logprobs == null) {
            return null;
        }
        return chunk(new ChatCompletionChunk.Choice(choice, new ChatCompletionChunk.Delta(null, event.text()),
                logprobs, null));
    }

    @Override
    public Object finish(int choice, GenerationResult result) {
        return chunk(new ChatCompletionChunk.Choice(choice, new ChatCompletionChunk.Delta(null, null), null,
                result.finishReason().wireName()));
    }

    @Override
    public Object usage(Usage usage) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage, null);
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.Choice choice) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(choice), null, null);
    }
}
