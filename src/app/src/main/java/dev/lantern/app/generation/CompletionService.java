package dev.lantern.app.generation;

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

/**
 * Text completions (and the tutorial's {@code /generate}): each prompt continued n times, choices numbered
 * prompt by prompt as OpenAI does.
 */
@ApplicationScoped
@TranslateErrors
public class CompletionService {

    @Inject
    ModelRegistry registry;

    @Inject
    GenerationService generation;

    @Inject
    GroundedGeneration grounding;

    public Completion complete(CompletionRequest request) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        List<int[]> prompts = grounded != null ? List.of(grounded.prompt())
                : Prompts.completion(model.model(), request.prompt());
        List<String> echoed = echoed(model, prompts, request.echo());
        List<GenerationResult> results = generation.generate(model, prompts, request, "prompt");
        int n = request.n() == null ? 1 : request.n();
        List<Completion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GenerationResult r = results.get(i);
            String echo = echoed.get(i / n);
            choices.add(new Completion.Choice(i, echo + r.text(), request.logprobs() == null ? null
                    : CompletionLogprobs.of(r.logprobs(), echo.length()), r.finishReason().wireName()));
        }
        int promptTokens = prompts.stream().mapToInt(p -> p.length).sum();
        return new Completion(Ids.next("cmpl-"), "text_completion", Ids.now(), model.id(), choices,
                Usage.of(promptTokens, results), grounded == null ? null : grounded.citations());
    }

    public EventStream stream(CompletionRequest request, Function<LanternException, ErrorBody> errors) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        List<int[]> prompts = grounded != null ? List.of(grounded.prompt())
                : Prompts.completion(model.model(), request.prompt());
        int n = request.n() == null ? 1 : request.n();
        EventStream stream = new EventStream(new CompletionFormat(Ids.next("cmpl-"), Ids.now(), model.id(),
                model.model(), echoed(model, prompts, request.echo()), n)
                .citing(grounded == null ? null : grounded.citations()), request.includeUsage(), errors);
        return stream.attach(generation.start(model, prompts, request, true, "prompt", stream.listener()));
    }

    /** The tutorial's route: the text as one user turn, the answer's text alone. */
    public GenerateResponse generate(GenerateRequest request) {
        ServedModel model = registry.ready(request.model());
        int[] prompt = Prompts.userTurn(model.model(), request.text());
        return new GenerateResponse(generation.generate(model, List.of(prompt), request, "text").get(0).text());
    }

    private static List<String> echoed(ServedModel model, List<int[]> prompts, Boolean echo) {
        return prompts.stream().map(p -> Boolean.TRUE.equals(echo) ? model.model().decode(p) : "").toList();
    }

    /** The grounded prompt and its citations when the request asks for {@code rag}; null otherwise. */
    private GroundedGeneration.Grounded ground(ServedModel model, CompletionRequest request) {
        return request.grounded()
                ? grounding.completion(model.model(), request.prompt(), request.rag(), request.maxTokens()) : null;
    }
}
