package dev.lantern.app.generation;

import dev.lantern.app.models.ServedModel;
import dev.lantern.app.structured.OutputStructure;
import dev.lantern.app.structured.ResponseFormat;
import dev.lantern.engine.GenerationResult;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/completions}: each prompt continued n times, choices numbered prompt by prompt as OpenAI does,
 * the prompt repeated before its completions when {@code echo} asks, each completion under {@code response_format}
 * when one is given; text completion objects.
 */
record CompletionShape(CompletionRequest request) implements EndpointShape<Completion> {

    @Override
    public SamplingFields fields() {
        return request;
    }

    @Override
    public String promptParam() {
        return "prompt";
    }

    @Override
    public OutputStructure structure(ServedModel model) {
        return ResponseFormat.structure(request.responseFormat());
    }

    @Override
    public Prompted prompt(ServedModel model, GroundedGeneration grounding) {
        if (request.grounded()) {
            GroundedGeneration.Grounded grounded = grounding.completion(model, request.prompt(),
                    request.rag(), request.maxTokens());
            return new Prompted(List.of(grounded.prompt()), grounded.citations());
        }
        return new Prompted(Prompts.completion(model.model(), request.prompt()), null);
    }

    @Override
    public String cacheDeterminants() {
        return "echo=" + request.echo() + "|rag=" + request.grounded();
    }

    @Override
    public String semanticText() {
        return !request.grounded() && request.prompt() instanceof JsonString s ? s.getString() : null;
    }

    @Override
    public Completion whole(Answer answer) {
        List<String> echoed = echoed(answer);
        int n = choicesPerPrompt();
        List<Completion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < answer.results().size(); i++) {
            GenerationResult r = answer.results().get(i);
            String echo = echoed.get(i / n);
            choices.add(new Completion.Choice(i, echo + r.text(), request.logprobs() == null ? null
                    : CompletionLogprobs.of(r.logprobs(), echo.length()), r.finishReason().wireName()));
        }
        return new Completion(Ids.next("cmpl-"), "text_completion", Ids.now(), answer.model().id(), choices,
                answer.usage(), answer.citations());
    }

    @Override
    public StreamFormat stream(Answer opening) {
        return new CompletionFormat(Ids.next("cmpl-"), Ids.now(), opening.model().id(), opening.model().model(),
                echoed(opening), choicesPerPrompt()).citing(opening.citations());
    }

    @Override
    public boolean includeUsage() {
        return request.includeUsage();
    }

    private int choicesPerPrompt() {
        return request.n() == null ? 1 : request.n();
    }

    /** Per prompt, the text repeated before its completions (empty strings when not echoing). */
    private List<String> echoed(Answer answer) {
        return answer.prompted().prompts().stream()
                .map(p -> Boolean.TRUE.equals(request.echo()) ? answer.model().model().decode(p) : "").toList();
    }
}
