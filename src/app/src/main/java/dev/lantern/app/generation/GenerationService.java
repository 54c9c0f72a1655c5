package dev.lantern.app.generation;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.ratelimit.Reservation;
import dev.lantern.app.ratelimit.TokenQuota;
import dev.lantern.engine.EngineException;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.OverloadedException;
import dev.lantern.engine.TokenLimitExceededException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Submits generations to a model's batch scheduler: the caller's token quota (generation policy) reserved
 * first, settings from the request (and the automatic table), one scheduler request per choice, a deadline
 * after which the scheduler ends the rows itself (so a timed-out request stops costing model time), metrics,
 * and the translation of the scheduler's refusals into catalogue errors. Nothing here holds a thread while a
 * generation runs: the scheduler completes futures, the quota is settled on the managed executor, and a whole
 * answer's time limit is a task on the managed scheduler. Never retried: a generation is not idempotent in cost,
 * and a full queue must answer at once.
 */
@ApplicationScoped
public class GenerationService {

    /**
     * How long past the deadline a whole answer gives the scheduler to end the rows itself. A request still
     * queued behind a full batch is only ended when it reaches the batch: the timer answers for it.
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    @Inject
    GenerationConfig config;

    @Inject
    GenerationMetrics metrics;

    @Inject
    TokenQuota tokenQuota;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService timer;

    /**
     * Starts n choices for each prompt; tokens go to the launch's listener as they come.
     *
     * @throws LanternException OVERLOADED (nothing left running), TOKEN_LIMIT_EXCEEDED, or the token quota's
     *                          RATE_LIMITED / VALIDATION_ERROR
     */
    public Generation start(Launch launch) {
        int n = launch.choicesPerPrompt();
        String model = launch.model().id();
        AtomicBoolean cancelled = new AtomicBoolean();
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        // the generation policy's token quota: the most this request can use now, what it used at the end
        Reservation reservation = tokenQuota.reserve(launch.caller(), launch.budget());
        int promptTokens = 0;
        try {
            for (int[] prompt : launch.prompts()) {
                promptTokens += prompt.length;
                for (int j = 0; j < n; j++) {
                    MeteredListener metered = new MeteredListener(metrics, model, futures.size(), launch.listener());
                    GenerationRequest request = new GenerationRequest(prompt, SettingsMapper.settings(launch.fields(),
                            config.auto(launch.streaming()), prompt.length, j, launch.steering()), metered, cancelled::get,
                            launch.deadline(), launch.prefixScope());
                    metrics.waiting(launch.model()); // before submit: the scheduler may report a token at once
                    CompletableFuture<GenerationResult> future;
                    try {
                        future = launch.model().scheduler().submit(request);
                    } catch (RuntimeException e) {
                        metrics.withdrawn(model);
                        throw e;
                    }
                    metrics.promptTokens(model, prompt.length);
                    boolean prefixCacheOn = launch.model().scheduler().prefixCacheEnabled();
                    future.whenComplete((result, failure) -> {
                        metered.finished(result);
                        if (result != null && prefixCacheOn) {
                            metrics.prefixCache(model, result.promptTokens(), result.cachedPromptTokens());
                        }
                    });
                    futures.add(future);
                }
            }
        } catch (OverloadedException e) {
            refused(cancelled, reservation, model, "queue_full");
            throw new LanternException(ErrorCode.OVERLOADED).withHeader("Retry-After", config.retryAfterSeconds());
        } catch (TokenLimitExceededException e) {
            refused(cancelled, reservation, model, "token_limit");
            throw new LanternException(ErrorCode.TOKEN_LIMIT_EXCEEDED, "The prompt is " + e.promptTokens()
                    + " tokens; the model '" + model + "' accepts at most " + e.limit() + ".")
                    .withParam(launch.param());
        } catch (RuntimeException e) {
            cancelled.set(true);
            reservation.settle(0);
            throw e;
        }
        int prompted = promptTokens;
        // settled on the managed executor, not the scheduler's thread: the quota may live in Redis
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenCompleteAsync((done, failure) ->
                reservation.settle(prompted + futures.stream().filter(f -> !f.isCompletedExceptionally())
                        .mapToInt(f -> f.join().completionTokens()).sum()), executor);
        return new Generation(futures, cancelled, launch.deadline(), promptTokens);
    }

    /**
     * A whole answer: starts the generation and completes with every choice's result once all have ended, on
     * the fault-tolerance executor (the method only starts the work; no thread waits for it). The circuit breaker
     * opens after repeated model failures (503 until it closes) and ignores the caller's own mistakes and a full
     * queue.
     *
     * @return fails with TIMEOUT when the deadline passed, SERVICE_UNAVAILABLE when the rows were cancelled, or
     *         what {@link #start} throws
     */
    @Asynchronous
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000, failOn = EngineException.class,
            skipOn = {LanternException.class, OverloadedException.class, TokenLimitExceededException.class})
    public CompletionStage<List<GenerationResult>> generate(Launch launch) {
        Generation generation = start(launch);
        CompletableFuture<List<GenerationResult>> all = new CompletableFuture<>();
        long wait = Duration.between(Instant.now(), generation.deadline().plus(GRACE)).toMillis();
        ScheduledFuture<?> limit = timer.schedule(() -> all.completeExceptionally(timeout()), Math.max(1, wait),
                TimeUnit.MILLISECONDS);
        CompletableFuture.allOf(generation.choices().toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
            } else {
                complete(all, generation.choices().stream().map(CompletableFuture::join).toList());
            }
        });
        // a no-op for finished rows; ends the others when the answer gave up on them
        return all.whenComplete((results, failure) -> {
            limit.cancel(false);
            generation.cancel();
        });
    }

    private static void complete(CompletableFuture<List<GenerationResult>> all, List<GenerationResult> results) {
        for (GenerationResult result : results) {
            if (result.finishReason() == FinishReason.TIMEOUT) {
                all.completeExceptionally(timeout());
                return;
            }
            if (result.finishReason() == FinishReason.CANCELLED) {
                all.completeExceptionally(new LanternException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The generation was cancelled."));
                return;
            }
        }
        all.complete(results);
    }

    private void refused(AtomicBoolean cancelled, Reservation reservation, String model, String reason) {
        cancelled.set(true);
        reservation.settle(0);
        metrics.rejected(model, reason);
    }

    static LanternException timeout() {
        return new LanternException(ErrorCode.TIMEOUT);
    }
}
