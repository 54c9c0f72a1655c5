package dev.lantern.app.generation.cache;

import dev.lantern.app.documents.DocumentsChanged;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.app.models.ModelState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * The response cache's one entry point. Answers are scoped (a user's subject): {@link #invalidateScope} drops
 * every answer of a scope at once, for example when that user's documents change. A cache that fails (Redis
 * down) is logged and behaves as a miss: it never fails a request. Metrics:
 * {@code lantern_cache_requests_total{result="hit|semantic-hit|miss",endpoint}}.
 */
@ApplicationScoped
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    /** A scope whose version is part of every key: bumping it drops every answer. */
    private static final String EVERYONE = "*";

    /** What a lookup found; {@link #header()} is the {@code Lantern-Cache} value. */
    public enum Result {
        HIT("hit"), SEMANTIC_HIT("semantic-hit"), MISS("miss");

        private final String header;

        Result(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /** A lookup's outcome: the answer, unless a miss. */
    public record Found(Result result, CachedAnswer answer) {
        static final Found MISS = new Found(Result.MISS, null);
    }

    @Inject
    CacheSettings settings;

    @Inject
    ModelRegistry registry;

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    private CacheStore store;
    private SemanticIndex semantic;

    @PostConstruct
    void open() {
        store = settings.redis().<CacheStore>map(url -> new RedisCacheStore(url, settings.ttl(), settings.bucketSize()))
                .orElseGet(() -> new InMemoryCacheStore(settings.maxEntries(), settings.ttl(), settings.bucketSize()));
        semantic = new SemanticIndex(store, settings.threshold());
        LOG.info(() -> "Response cache " + (settings.enabled() ? "on" : "off") + ", in "
                + (settings.redis().isPresent() ? "Redis" : "memory") + ", semantic "
                + (settings.semantic() ? "on (threshold " + settings.threshold() + ")" : "off"));
    }

    @PreDestroy
    void close() {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the cache store", e);
            }
        }
    }

    public boolean deterministicOnly() {
        return settings.deterministicOnly();
    }

    /**
     * The key of a cacheable request, or null when caching is off or the store cannot be reached.
     *
     * @param determinants everything but the prompt that fixes the answer (endpoint, model, settings, n, ...)
     * @param semanticText the text the semantic index compares, or null for none
     */
    public CacheKey key(String scope, String determinants, String prompt, String semanticText) {
        if (!settings.enabled()) {
            return null;
        }
        try {
            String version = store.scopeVersion(scope) + "." + store.scopeVersion(EVERYONE);
            return CacheKey.of(scope, version, determinants, prompt, semanticText);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The response cache is unavailable; answering without it", e);
            return null;
        }
    }

    public Found lookup(CacheKey key, String endpoint) {
        Found found = key == null ? Found.MISS : find(key);
        metrics.counter("lantern.cache.requests", new Tag("result", found.result().header()),
                new Tag("endpoint", endpoint)).inc();
        return found;
    }

    private Found find(CacheKey key) {
        try {
            Optional<String> exact = store.get(key.exact());
            if (exact.isPresent()) {
                return new Found(Result.HIT, JSON.fromJson(exact.get(), CachedAnswer.class));
            }
            float[] vector = vector(key);
            if (vector != null) {
                Optional<String> near = semantic.nearest(key.bucket(), vector).flatMap(store::get);
                if (near.isPresent()) {
                    return new Found(Result.SEMANTIC_HIT, JSON.fromJson(near.get(), CachedAnswer.class));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Response cache lookup failed; answering without it", e);
        }
        return Found.MISS;
    }

    public void store(CacheKey key, CachedAnswer answer) {
        if (key == null) {
            return;
        }
        try {
            store.put(key.exact(), JSON.toJson(answer));
            float[] vector = vector(key);
            if (vector != null) {
                semantic.add(key.bucket(), key.exact(), vector);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Response cache store failed; the answer is not cached", e);
        }
    }

    /** Drops every cached answer of every scope (e.g. a document shared with everyone changed). */
    public void invalidateAll() {
        invalidateScope(EVERYONE);
    }

    /** Documents changed: their owner's grounded answers, or everyone's for a shared document, may change. */
    void onDocumentsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentsChanged change) {
        if (change.everyone()) {
            invalidateAll();
        } else {
            invalidateScope(change.owner());
        }
    }

    /** Drops every cached answer of {@code scope} (e.g. the subject whose documents changed). */
    public void invalidateScope(String scope) {
        try {
            store.invalidateScope(scope);
            metrics.counter("lantern.cache.invalidations").inc();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Response cache invalidation of a scope failed", e);
        }
    }

    private float[] vector(CacheKey key) {
        if (!settings.semantic() || key.semanticText() == null || key.semanticText().isBlank()
                || registry.embeddingState() != ModelState.READY) {
            return null;
        }
        return registry.embedding(null).embed(key.semanticText());
    }
}
