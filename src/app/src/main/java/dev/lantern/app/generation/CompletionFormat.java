package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.TokenEvent;
import java.util.List;

/** Text completion chunks: the echoed prompt when asked, text pieces, then the finish reason. */
final class CompletionFormat implements StreamFormat {

    private final String id;
    private final long created;
    private final String model;
    private final LanguageModel language;
    private final List<String> echoed;
    private final int choicesPerPrompt;
    private final int[] offsets;
    private List<Citation> citations;

    /** @param echoed per prompt, its text to repeat before the completion (empty strings when not echoing) */
    CompletionFormat(String id, long created, String model, LanguageModel language, List<String> echoed,
                     int choicesPerPrompt) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.language = language;
        this.echoed = echoed;
        this.choicesPerPrompt = choicesPerPrompt;
        this.offsets = new int[echoed.size() * choicesPerPrompt];
    }

    /** Grounded generation: the citations go on the first chunk of choice 0. */
    CompletionFormat citing(List<Citation> cited) {
        this.citations = cited;
        return this;
    }

    @Override
    public Object opening(int choice) {
        String prompt = echoed.get(choice / choicesPerPrompt);
        offsets[choice] = prompt.length();
        if (choice == 0 && citations != null) {
            return new Completion(id, "text_completion", created, model,
                    List.of(new Completion.Choice(choice, prompt, null, null)), null, citations);
        }
        return prompt.isEmpty() ? null : chunk(new Completion.Choice(choice, prompt, null, null));
    }

    @Override
    public Object token(int choice, TokenEvent event) {
        CompletionLogprobs logprobs = Float.isNaN(event.logprob()) ? null
                : CompletionLogprobs.of(event, language.decode(new int[] {event.tokenId()}), offsets[choice]);
        offsets[choice] += event.text().length();
        if (event.text().isEmpty() && logprobs == null) {
            return null;
        }
        return chunk(new Completion.Choice(choice, event.text(), logprobs, null));
    }

    @Override
    public Object finish(int choice, GenerationResult result) {
        return chunk(new Completion.Choice(choice, "", null, result.finishReason().wireName()));
    }

    @Override
    public Object usage(Usage usage) {
        return new Completion(id, "text_completion", created, model, List.of(), usage, null);
    }

    private Completion chunk(Completion.Choice choice) {
        return new Completion(id, "text_completion", created, model, List.of(choice), null, null);
    }
}
