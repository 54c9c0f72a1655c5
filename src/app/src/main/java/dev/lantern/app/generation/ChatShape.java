package dev.lantern.app.generation;

import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.GenerationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code POST /v1/chat/completions}: the messages through the model's chat template; chat completion objects. */
record ChatShape(ChatCompletionRequest request) implements EndpointShape<ChatCompletion> {

    @Override
    public SamplingFields fields() {
        return request;
    }

    @Override
    public String promptParam() {
        return "messages";
    }

    @Override
    public Prompted prompt(ServedModel model, GroundedGeneration grounding) {
        if (request.grounded()) {
            GroundedGeneration.Grounded grounded = grounding.chat(model.model(), request.messages(), request.rag(),
                    request.maxTokens());
            return new Prompted(List.of(grounded.prompt()), grounded.citations());
        }
        return Prompted.of(Prompts.chat(model.model(), request.messages()));
    }

    @Override
    public String cacheDeterminants() {
        return "rag=" + request.grounded();
    }

    @Override
    public String semanticText() {
        // a grounded answer is only reused for the same passages (in the prompt), never for a similar question
        return request.grounded() ? null : request.messages().stream().map(m -> m.role() + ": " + m.text())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public ChatCompletion whole(Answer answer) {
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < answer.results().size(); i++) {
            GenerationResult r = answer.results().get(i);
            choices.add(new ChatCompletion.Choice(i, new ChatCompletion.Message("assistant", r.text()),
                    request.logprobAlternatives() == null ? null : ChatLogprobs.of(r.logprobs()),
                    r.finishReason().wireName()));
        }
        return new ChatCompletion(Ids.next("chatcmpl-"), "chat.completion", Ids.now(), answer.model().id(), choices,
                answer.usage(), answer.citations());
    }

    @Override
    public StreamFormat stream(Answer opening) {
        return new ChatFormat(Ids.next("chatcmpl-"), Ids.now(), opening.model().id(), opening.model().model(),
                opening.citations());
    }

    @Override
    public boolean includeUsage() {
        return request.includeUsage();
    }
}
