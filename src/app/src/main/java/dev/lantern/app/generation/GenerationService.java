package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.models.ServedModel;
import dev.lantern.app.ratelimit.Reservation;
import dev.lantern.app.ratelimit.TokenQuota;
import dev.lantern.engine.EngineException;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.OverloadedException;
import dev.lantern.engine.TokenLimitExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Submits generations to a model's batch scheduler: the caller's token quota (generation policy) reserved
 * first, settings from the request (and the automatic table),
 * one scheduler request per choice, a deadline after which the scheduler ends the rows itself (so a timed-out
 * request stops costing model time, which an interrupted waiting thread would not achieve), metrics, and the
 * translation of the scheduler's refusals into catalogue errors. Never retried: a generation is not idempotent
 * in cost, and a full queue must answer at once.
 */
@ApplicationScoped
@TranslateErrors
public class GenerationService {

    /**
     * How long past the deadline a waiting thread gives the scheduler to end the rows itself. A request still
     * queued behind a full batch is only ended when it reaches the batch: the thread answers for it.
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    @Inject
    GenerationConfig config;

    @Inject
    GenerationMetrics metrics;

    @Inject
    RequestDeadline requestDeadline;

    @Inject
    TokenQuota tokenQuota;

    @Inject
    Caller caller;

    /**
     * Starts n choices for each prompt; tokens go to {@code listener} as they come.
     *
     * @param param the request field named when the prompt does not fit ("messages", "prompt", "text")
     * @throws LanternException OVERLOADED (nothing left running) or TOKEN_LIMIT_EXCEEDED
     */
    public Generation start(ServedModel model, List<int[]> prompts, SamplingFields fields, boolean streaming,
                            String param, ChoiceListener listener) {
        int n = fields.n() == null ? 1 : fields.n();
        AtomicBoolean cancelled = new AtomicBoolean();
        Instant deadline = Instant.now().plus(requestDeadline.limit(config.timeout()));
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        // the generation policy's token quota: the most this request can use now, what it used at the end
        Reservation reservation = tokenQuota.reserve(caller.identity(), budget(model, prompts, fields, n));
        int promptTokens = 0;
        try {
            for (int[] prompt : prompts) {
                promptTokens += prompt.length;
                for (int j = 0; j < n; j++) {
                    int choice = futures.size();
                    MeteredListener metered = new MeteredListener(metrics, model.id(), choice, listener);
                    GenerationRequest request = new GenerationRequest(prompt, SettingsMapper.settings(fields,
                            config.auto(streaming), prompt.length, j), metered, cancelled::get, deadline);
                    metrics.waiting(model); // before submit: the scheduler thread may report a token at once
                    CompletableFuture<GenerationResult> future;
                    try {
                        future = model.scheduler().submit(request);
                    } catch (RuntimeException e) {
                        metrics.withdrawn(model.id());
                        throw e;
                    }
                    metrics.promptTokens(model.id(), prompt.length);
                    future.whenComplete((result, failure) -> metered.finished(result));
                    futures.add(future);
                }
            }
        } catch (OverloadedException e) {
            cancelled.set(true);
            reservation.settle(0);
            metrics.rejected(model.id(), "queue_full");
            throw new LanternException(ErrorCode.OVERLOADED).withHeader("Retry-After", config.retryAfterSeconds());
        } catch (TokenLimitExceededException e) {
            cancelled.set(true);
            reservation.settle(0);
            metrics.rejected(model.id(), "token_limit");
            throw new LanternException(ErrorCode.TOKEN_LIMIT_EXCEEDED, "The prompt is " + e.promptTokens()
                    + " tokens; the model '" + model.id() + "' accepts at most " + e.limit() + ".").withParam(param);
        } catch (RuntimeException e) {
            cancelled.set(true);
            reservation.settle(0);
            throw e;
        }
        int prompted = promptTokens;
        // settled off the scheduler's thread: the quota may live in Redis
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenCompleteAsync((done, failure) ->
                reservation.settle(prompted + futures.stream().filter(f -> !f.isCompletedExceptionally())
                        .mapToInt(f -> f.join().completionTokens()).sum()));
        return new Generation(model, futures, cancelled, deadline, promptTokens);
    }

    /**
     * Generates and waits for every choice. The bulkhead bounds the threads that block here (beyond it: 503
     * OVERLOADED at once); the circuit breaker opens after repeated model failures (503 until it closes), and
     * ignores the caller's own mistakes and a full queue.
     *
     * @throws LanternException TIMEOUT when the deadline passed, OVERLOADED, TOKEN_LIMIT_EXCEEDED
     */
    @Bulkhead(value = 128)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000, failOn = EngineException.class,
            skipOn = {LanternException.class, OverloadedException.class, TokenLimitExceededException.class})
    public List<GenerationResult> generate(ServedModel model, List<int[]> prompts, SamplingFields fields,
                                           String param) {
        return await(start(model, prompts, fields, false, param, ChoiceListener.NONE));
    }

    private List<GenerationResult> await(Generation generation) {
        List<GenerationResult> results = new ArrayList<>();
        try {
            for (CompletableFuture<GenerationResult> choice : generation.choices()) {
                long wait = Duration.between(Instant.now(), generation.deadline().plus(GRACE)).toMillis();
                GenerationResult result = choice.get(Math.max(1, wait), TimeUnit.MILLISECONDS);
                if (result.finishReason() == FinishReason.TIMEOUT) {
                    throw timeout();
                }
                if (result.finishReason() == FinishReason.CANCELLED) {
                    throw new LanternException(ErrorCode.SERVICE_UNAVAILABLE, "The generation was cancelled.");
                }
                results.add(result);
            }
            return results;
        } catch (TimeoutException e) {
            throw timeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanternException(ErrorCode.SERVICE_UNAVAILABLE, "The server is shutting down.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new EngineException("generation failed", e.getCause());
        } finally {
            generation.cancel(); // a no-op for finished rows; ends the others when this thread gives up
        }
    }

    /** Prompt tokens plus the most each choice may generate (max_tokens, else the model's default). */
    private static long budget(ServedModel model, List<int[]> prompts, SamplingFields fields, int n) {
        int context = model.model().config().contextLength();
        int asked = fields.maxTokens() != null ? fields.maxTokens() : model.model().config().defaults().maxNewTokens();
        long total = 0;
        for (int[] prompt : prompts) {
            total += prompt.length + (long) n * Math.max(0, Math.min(asked, context - prompt.length));
        }
        return total;
    }

    static LanternException timeout() {
        return new LanternException(ErrorCode.TIMEOUT);
    }
}
