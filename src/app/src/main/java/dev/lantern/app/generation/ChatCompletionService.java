package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.GenerationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Chat completions: the messages through the model's chat template, answered whole or as a stream. */
@ApplicationScoped
@TranslateErrors
public class ChatCompletionService {

    @Inject
    ModelRegistry registry;

    @Inject
    GenerationService generation;

    @Inject
    GroundedGeneration grounding;

    public ChatCompletion complete(ChatCompletionRequest request) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        int[] prompt = grounded != null ? grounded.prompt() : Prompts.chat(model.model(), request.messages());
        List<GenerationResult> results = generation.generate(model, List.of(prompt), request, "messages");
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GenerationResult r = results.get(i);
            choices.add(new ChatCompletion.Choice(i, new ChatCompletion.Message("assistant", r.text()),
                    request.logprobAlternatives() == null ? null : ChatLogprobs.of(r.logprobs()),
                    r.finishReason().wireName()));
        }
        return new ChatCompletion(Ids.next("chatcmpl-"), "chat.completion", Ids.now(), model.id(), choices,
                Usage.of(prompt.length, results), grounded == null ? null : grounded.citations());
    }

    /** Starts the generation (errors before the first byte are ordinary error responses) and its stream. */
    public EventStream stream(ChatCompletionRequest request, Function<LanternException, ErrorBody> errors) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        int[] prompt = grounded != null ? grounded.prompt() : Prompts.chat(model.model(), request.messages());
        List<Citation> citations = grounded == null ? null : grounded.citations();
        EventStream stream = new EventStream(new ChatFormat(Ids.next("chatcmpl-"), Ids.now(), model.id(),
                model.model(), citations), request.includeUsage(), errors);
        return stream.attach(generation.start(model, List.of(prompt), request, true, "messages", stream.listener()));
    }

    /** The grounded prompt and its citations when the request asks for {@code rag}; null otherwise. */
    private GroundedGeneration.Grounded ground(ServedModel model, ChatCompletionRequest request) {
        return request.grounded()
                ? grounding.chat(model.model(), request.messages(), request.rag(), request.maxTokens()) : null;
    }
}
