package dev.lantern.app.generation;

import dev.lantern.app.errors.EndpointName;
import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.ErrorResponses;
import dev.lantern.app.errors.ErrorTranslationInterceptor;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.RequestIdFilter;
import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.generation.EndpointShape.Answer;
import dev.lantern.app.generation.EndpointShape.Prompted;
import dev.lantern.app.generation.cache.CacheKey;
import dev.lantern.app.generation.cache.ResponseCache;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.identity.CallerIdentity;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.app.models.ServedModel;
import dev.lantern.app.structured.Constraints;
import dev.lantern.app.structured.LogitBiases;
import dev.lantern.app.structured.OutputStructure;
import dev.lantern.engine.GenerationResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The one path from a generation request to its answer, for every generation endpoint: model ready → the answer's
 * structure bound to the model (response_format, tools) and logit_bias → prompt (grounded in the caller's
 * documents when asked) → cache key → lookup → replay, or run on the model's scheduler
 * → store. Each endpoint supplies only its {@link EndpointShape}. No thread waits for a generation: a whole answer
 * is a {@link CompletionStage} completed on the managed executor, a stream an {@link EventStream} written by tasks
 * on the managed scheduler. Everything taken from the request (caller, cache mode, deadline, request id, endpoint)
 * is read here, on the request's thread, before the work moves on.
 */
@ApplicationScoped
@TranslateErrors
public class GenerationPipeline {

    static final String CACHE_HEADER = "Lantern-Cache";
    /** What the streaming resource methods produce (and only that: JAX-RS streams events from no other method). */
    static final String EVENT_STREAM = "text/event-stream;charset=utf-8";

    @Inject
    ModelRegistry registry;

    @Inject
    GroundedGeneration grounding;

    @Inject
    GenerationCache cache;

    @Inject
    GenerationService generation;

    @Inject
    GenerationConfig config;

    @Inject
    CacheMode cacheMode;

    @Inject
    RequestDeadline requestDeadline;

    @Inject
    Constraints constraints;

    @Inject
    Caller caller;

    @Inject
    ErrorResponses errors;

    @Inject
    HttpServletRequest http;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService timer;

    /** A whole answer (JSON), from the cache or once every choice has ended; errors are answers too. */
    public <T> CompletionStage<Response> answer(EndpointShape<T> shape) {
        Prepared prepared = prepare(shape, false);
        if (prepared.cached() != null) {
            return CompletableFuture.completedFuture(json(shape.whole(prepared.cached()), prepared));
        }
        String requestId = RequestIdFilter.requestId(http);
        return generation.generate(prepared.launch(ChoiceListener.NONE)).handleAsync((results, failure) -> {
            if (failure != null) {
                return errors.toResponse(translated(failure), requestId, prepared.endpoint());
            }
            cache.store(prepared.storeAs(), prepared.prompted().tokens(), results, prepared.prompted().citations());
            return json(shape.whole(prepared.answer(results)), prepared);
        }, executor);
    }

    /**
     * An event stream on {@code sink}: replayed from the cache, or written as the tokens come. Errors before the
     * first event (model not ready, prompt too long, queue full, quota) are thrown, and answered as ordinary error
     * responses; later ones end the stream with an error event.
     */
    public void stream(EndpointShape<?> shape, EventSink sink, HttpServletResponse response) {
        Prepared prepared = prepare(shape, true);
        response.setHeader(CACHE_HEADER, prepared.found().result().header());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        if (prepared.cached() != null) {
            Answer cached = prepared.cached();
            ReplayStream.write(sink, shape.stream(cached), cached.results(),
                    shape.includeUsage() ? cached.usage() : null);
            return;
        }
        Prompted prompted = prepared.prompted();
        EventStream stream = new EventStream(sink, shape.stream(prepared.answer(List.of())), shape.includeUsage(),
                streamErrors(prepared.endpoint()), results -> cache.store(prepared.storeAs(), prompted.tokens(),
                results, prompted.citations()), config.streamFlushInterval(), timer);
        stream.start(generation.start(prepared.launch(stream.listener())));
    }

    private Prepared prepare(EndpointShape<?> shape, boolean streaming) {
        ServedModel model = registry.ready(shape.fields().model());
        Steering steering = steering(shape, model);
        Prompted prompted = shape.prompt(model, grounding);
        String endpoint = EndpointName.current(http);
        CacheKey key = cache.key(cacheMode, endpoint, model, prompted.prompts(), shape.fields(), steering, streaming,
                shape.cacheDeterminants(), shape.semanticText());
        ResponseCache.Found found = cache.lookup(key, cacheMode, endpoint);
        CallerIdentity identity = caller.identity();
        Launch launch = new Launch(model, prompted.prompts(), shape.fields(), steering, streaming, shape.promptParam(),
                identity, Instant.now().plus(requestDeadline.limit(config.timeout())), ChoiceListener.NONE,
                config.prefixScope().of(identity, shape.templateIdentity(model)));
        return new Prepared(launch, prompted, endpoint, cacheMode.write() ? key : null, found);
    }

    /** The request's structure bound to the model (compiled once per schema and model), and its logit_bias. */
    private Steering steering(EndpointShape<?> shape, ServedModel model) {
        OutputStructure structure = shape.structure(model);
        return new Steering(structure, constraints.bind(model, structure),
                LogitBiases.parse(shape.fields().logitBias(), model.model().config().vocabSize()));
    }

    /** A stream's final error event: recorded like any error answer, written as the one error body. */
    private Function<LanternException, ErrorBody> streamErrors(String endpoint) {
        String requestId = RequestIdFilter.requestId(http);
        return error -> {
            errors.record(error, requestId, endpoint);
            return ErrorBody.of(error, requestId);
        };
    }

    private static Response json(Object body, Prepared prepared) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(CACHE_HEADER, prepared.found().result().header()).build();
    }

    private static LanternException translated(Throwable failure) {
        LanternException known = ErrorTranslationInterceptor.translate(failure);
        return known != null ? known
                : new LanternException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), failure);
    }

    /**
     * A request made ready: what to launch, its prompts, its endpoint, the key to store its answer under (null when
     * the caller said no-store or it is not cacheable) and what the cache lookup found.
     */
    private record Prepared(Launch launch, Prompted prompted, String endpoint, CacheKey storeAs,
                            ResponseCache.Found found) {

        Launch launch(ChoiceListener listener) {
            return launch.listening(listener);
        }

        Answer answer(List<GenerationResult> results) {
            return new Answer(launch.model(), prompted, results, prompted.citations());
        }

        /** The cached answer, or null when the cache had none. */
        Answer cached() {
            return found.answer() == null ? null : new Answer(launch.model(), prompted,
                    GenerationCache.results(found.answer()), found.answer().citations());
        }
    }
}
