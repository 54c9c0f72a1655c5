package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.generation.cache.CacheKey;
import dev.lantern.app.generation.cache.ResponseCache;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.GenerationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Text completions (and the tutorial's {@code /generate}): each prompt continued n times, choices numbered
 * prompt by prompt as OpenAI does; grounded in the caller's documents when the request asks for {@code rag};
 * from the response cache when it holds the answer.
 */
@ApplicationScoped
@TranslateErrors
public class CompletionService {

    static final String ENDPOINT = "POST /v1/completions";
    static final String GENERATE = "POST /generate";

    @Inject
    ModelRegistry registry;

    @Inject
    GenerationService generation;

    @Inject
    GroundedGeneration grounding;

    @Inject
    GenerationCache cache;

    @Inject
    GenerationConfig config;

    public Answered<Completion> complete(CompletionRequest request, CacheMode mode) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        List<int[]> prompts = grounded != null ? List.of(grounded.prompt())
                : Prompts.completion(model.model(), request.prompt());
        List<Citation> citations = grounded == null ? null : grounded.citations();
        List<String> echoed = echoed(model, prompts, request.echo());
        CacheKey key = key(mode, model, prompts, request, false);
        ResponseCache.Found found = cache.lookup(key, mode, ENDPOINT);
        int promptTokens = prompts.stream().mapToInt(p -> p.length).sum();
        List<GenerationResult> results;
        if (found.answer() != null) {
            results = GenerationCache.results(found.answer());
            citations = found.answer().citations();
        } else {
            results = generation.generate(model, prompts, request, "prompt");
            cache.store(key, mode, promptTokens, results, citations);
        }
        int n = request.n() == null ? 1 : request.n();
        List<Completion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GenerationResult r = results.get(i);
            String echo = echoed.get(i / n);
            choices.add(new Completion.Choice(i, echo + r.text(), request.logprobs() == null ? null
                    : CompletionLogprobs.of(r.logprobs(), echo.length()), r.finishReason().wireName()));
        }
        return new Answered<>(new Completion(Ids.next("cmpl-"), "text_completion", Ids.now(), model.id(), choices,
                Usage.of(promptTokens, results), citations), found.result());
    }

    public Answered<StreamingOutput> stream(CompletionRequest request, CacheMode mode,
                                            Function<LanternException, ErrorBody> errors) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        List<int[]> prompts = grounded != null ? List.of(grounded.prompt())
                : Prompts.completion(model.model(), request.prompt());
        List<Citation> citations = grounded == null ? null : grounded.citations();
        int n = request.n() == null ? 1 : request.n();
        int promptTokens = prompts.stream().mapToInt(p -> p.length).sum();
        List<String> echoed = echoed(model, prompts, request.echo());
        CacheKey key = key(mode, model, prompts, request, true);
        ResponseCache.Found found = cache.lookup(key, mode, ENDPOINT);
        if (found.answer() != null) {
            List<GenerationResult> results = GenerationCache.results(found.answer());
            CompletionFormat format = new CompletionFormat(Ids.next("cmpl-"), Ids.now(), model.id(), model.model(),
                    echoed, n).citing(found.answer().citations());
            return new Answered<>(new ReplayStream(format, results,
                    request.includeUsage() ? Usage.of(promptTokens, results) : null), found.result());
        }
        CacheKey storeAs = mode.write() ? key : null;
        EventStream stream = new EventStream(new CompletionFormat(Ids.next("cmpl-"), Ids.now(), model.id(),
                model.model(), echoed, n).citing(citations), request.includeUsage(), errors,
                results -> cache.store(storeAs, promptTokens, results, citations), config.streamFlushInterval());
        return new Answered<>(stream.attach(generation.start(model, prompts, request, true, "prompt",
                stream.listener())), found.result());
    }

    /** The tutorial's route: the text as one user turn, the answer's text alone. */
    public Answered<GenerateResponse> generate(GenerateRequest request, CacheMode mode) {
        ServedModel model = registry.ready(request.model());
        int[] prompt = Prompts.userTurn(model.model(), request.text());
        CacheKey key = cache.key(mode, GENERATE, model, List.of(prompt), request, false, "", request.text());
        ResponseCache.Found found = cache.lookup(key, mode, GENERATE);
        if (found.answer() != null) {
            return new Answered<>(new GenerateResponse(found.answer().choices().get(0).text()), found.result());
        }
        List<GenerationResult> results = generation.generate(model, List.of(prompt), request, "text");
        cache.store(key, mode, prompt.length, results, null);
        return new Answered<>(new GenerateResponse(results.get(0).text()), found.result());
    }

    private CacheKey key(CacheMode mode, ServedModel model, List<int[]> prompts, CompletionRequest request,
                         boolean streaming) {
        String text = !request.grounded() && request.prompt() instanceof JsonString s ? s.getString() : null;
        return cache.key(mode, ENDPOINT, model, prompts, request, streaming,
                "echo=" + request.echo() + "|rag=" + request.grounded(), text);
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
