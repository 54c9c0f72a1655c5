package dev.lantern.app.generation;

import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.batch.SchedulerStats;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Generation metrics named after vLLM's (Prometheus: {@code lantern_time_to_first_token_seconds},
 * {@code lantern_time_per_output_token_seconds}, {@code lantern_prompt_tokens_total},
 * {@code lantern_generation_tokens_total}, {@code lantern_num_requests_running} / {@code _waiting},
 * {@code lantern_batch_size} (mean rows per model call since the previous scrape),
 * {@code lantern_requests_rejected_total}, {@code lantern_request_success_total}
 * by finish reason, {@code lantern_prefix_cache_queries_total} and {@code _hits_total} in prompt tokens), plus the
 * tutorial's quality monitoring per request: response length
 * ({@code lantern_request_generation_tokens}), tokens per second and end-to-end latency. The scheduler's own
 * counters ({@code lantern_scheduler_steps}, {@code _tokens}: their rates' ratio is the mean batch size) come
 * from its statistics. Every metric is tagged with the model id.
 */
@ApplicationScoped
public class GenerationMetrics {

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry registry;

    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final List<MetricID> gauges = new CopyOnWriteArrayList<>();

    /** A request is about to be queued. */
    void waiting(ServedModel model) {
        gauges(model).incrementAndGet();
    }

    /** The queue refused it after all. */
    void withdrawn(String model) {
        waiting.get(model).decrementAndGet();
    }

    void promptTokens(String model, int tokens) {
        registry.counter("lantern.prompt_tokens", tag(model)).inc(tokens);
    }

    void firstToken(String model, Duration ttft) {
        registry.timer("lantern.time_to_first_token", tag(model)).update(ttft);
        waiting.get(model).decrementAndGet();
        running.get(model).incrementAndGet();
    }

    void nextToken(String model, Duration interTokenLatency) {
        registry.timer("lantern.time_per_output_token", tag(model)).update(interTokenLatency);
    }

    void finished(String model, boolean started, GenerationResult result, Duration e2e) {
        (started ? running : waiting).get(model).decrementAndGet();
        if (result == null) {
            registry.counter("lantern.request_success", tag(model), new Tag("finished_reason", "error")).inc();
            return;
        }
        registry.counter("lantern.generation_tokens", tag(model)).inc(result.completionTokens());
        registry.counter("lantern.request_success", tag(model),
                new Tag("finished_reason", result.finishReason().wireName())).inc();
        registry.histogram("lantern.request_generation_tokens", tag(model)).update(result.completionTokens());
        registry.timer("lantern.e2e_request_latency", tag(model)).update(e2e);
        long decodeNanos = result.total().minus(result.timeToFirstToken()).toNanos();
        if (result.completionTokens() > 1 && decodeNanos > 0) {
            registry.histogram("lantern.request_tokens_per_second", tag(model))
                    .update(Math.round((result.completionTokens() - 1) * 1e9 / decodeNanos));
        }
    }

    /**
     * vLLM's prefix-cache counters, in prompt tokens: looked up ({@code lantern_prefix_cache_queries_total}) and
     * found ({@code lantern_prefix_cache_hits_total}); their rates' ratio is the hit rate.
     */
    void prefixCache(String model, int promptTokens, int cachedTokens) {
        registry.counter("lantern.prefix_cache_queries", tag(model)).inc(promptTokens);
        registry.counter("lantern.prefix_cache_hits", tag(model)).inc(cachedTokens);
    }

    void rejected(String model, String reason) {
        registry.counter("lantern.requests_rejected", tag(model), new Tag("reason", reason)).inc();
    }

    /** Registers the model's gauges once; returns its waiting counter. */
    private AtomicInteger gauges(ServedModel model) {
        String id = model.id();
        return waiting.computeIfAbsent(id, k -> {
            AtomicInteger run = running.computeIfAbsent(id, r -> new AtomicInteger());
            AtomicInteger wait = new AtomicInteger();
            gauge("lantern.num_requests_running", run, AtomicInteger::get, id);
            gauge("lantern.num_requests_waiting", wait, AtomicInteger::get, id);
            gauge("lantern.batch_size", new MeanBatchSize(model), MeanBatchSize::sinceLastRead, id);
            gauge("lantern.scheduler.steps", model, m -> stats(m).steps(), id);
            gauge("lantern.scheduler.tokens", model, m -> stats(m).tokens(), id);
            gauge("lantern.scheduler.prefills", model, m -> stats(m).prefills(), id);
            gauge("lantern.scheduler.cache_rebuild_share", model, m -> stats(m).rebuildShare(), id);
            return wait;
        });
    }

    private <T> void gauge(String name, T object, Function<T, Number> value, String model) {
        registry.gauge(name, object, value, tag(model));
        gauges.add(new MetricID(name, tag(model)));
    }

    /**
     * Gauges hold the model they read: remove them with the application, so that a redeployed one registers
     * its own instead of finding the old ones (and keeping the old model reachable).
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    private static SchedulerStats.Snapshot stats(ServedModel model) {
        return model.scheduler().stats();
    }

    private static Tag tag(String model) {
        return new Tag("model", model);
    }
}
