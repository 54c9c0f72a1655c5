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
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chat completions: the messages through the model's chat template (grounded in the caller's documents when
 * the request asks for {@code rag}), answered whole or as a stream, from the response cache when it holds
 * the answer.
 */
@ApplicationScoped
@TranslateErrors
public class ChatCompletionService {

    static final String ENDPOINT = "POST /v1/chat/completions";

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

    public Answered<ChatCompletion> complete(ChatCompletionRequest request, CacheMode mode) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        int[] prompt = grounded != null ? grounded.prompt() : Prompts.chat(model.model(), request.messages());
        List<Citation> citations = grounded == null ? null : grounded.citations();
        CacheKey key = key(mode, model, prompt, request, false);
        ResponseCache.Found found = cache.lookup(key, mode, ENDPOINT);
        List<GenerationResult> results;
        if (found.answer() != null) {
            results = GenerationCache.results(found.answer());
            citations = found.answer().citations();
        } else {
            results = generation.generate(model, List.of(prompt), request, "messages");
            cache.store(key, mode, prompt.length, results, citations);
        }
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GenerationResult r = results.get(i);
            choices.add(new ChatCompletion.Choice(i, new ChatCompletion.Message("assistant", r.text()),
                    request.logprobAlternatives() == null ? null : ChatLogprobs.of(r.logprobs()),
                    r.finishReason().wireName()));
        }
        return new Answered<>(new ChatCompletion(Ids.next("chatcmpl-"), "chat.completion", Ids.now(), model.id(),
                choices, Usage.of(prompt.length, results), citations), found.result());
    }

    /** Starts the generation (errors before the first byte are ordinary error responses) and its stream. */
    public Answered<StreamingOutput> stream(ChatCompletionRequest request, CacheMode mode,
                                            Function<LanternException, ErrorBody> errors) {
        ServedModel model = registry.ready(request.model());
        GroundedGeneration.Grounded grounded = ground(model, request);
        int[] prompt = grounded != null ? grounded.prompt() : Prompts.chat(model.model(), request.messages());
        List<Citation> citations = grounded == null ? null : grounded.citations();
        CacheKey key = key(mode, model, prompt, request, true);
        ResponseCache.Found found = cache.lookup(key, mode, ENDPOINT);
        if (found.answer() != null) {
            List<GenerationResult> results = GenerationCache.results(found.answer());
            ChatFormat format = new ChatFormat(Ids.next("chatcmpl-"), Ids.now(), model.id(), model.model(),
                    found.answer().citations());
            return new Answered<>(new ReplayStream(format, results,
                    request.includeUsage() ? Usage.of(prompt.length, results) : null), found.result());
        }
        CacheKey storeAs = mode.write() ? key : null;
        EventStream stream = new EventStream(new ChatFormat(Ids.next("chatcmpl-"), Ids.now(), model.id(),
                model.model(), citations), request.includeUsage(), errors,
                results -> cache.store(storeAs, prompt.length, results, citations), config.streamFlushInterval());
        return new Answered<>(stream.attach(generation.start(model, List.of(prompt), request, true, "messages",
                stream.listener())), found.result());
    }

    private CacheKey key(CacheMode mode, ServedModel model, int[] prompt, ChatCompletionRequest request,
                         boolean streaming) {
        // a grounded answer is only reused for the same passages (in the prompt), never for a similar question
        String text = request.grounded() ? null : request.messages().stream().map(m -> m.role() + ": " + m.text())
                .collect(Collectors.joining("\n"));
        return cache.key(mode, ENDPOINT, model, List.of(prompt), request, streaming, "rag=" + request.grounded(),
                text);
    }

    /** The grounded prompt and its citations when the request asks for {@code rag}; null otherwise. */
    private GroundedGeneration.Grounded ground(ServedModel model, ChatCompletionRequest request) {
        return request.grounded()
                ? grounding.chat(model.model(), request.messages(), request.rag(), request.maxTokens()) : null;
    }
}
