package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.generation.cache.CacheKey;
import dev.lantern.app.generation.cache.CachedAnswer;
import dev.lantern.app.generation.cache.ResponseCache;
import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the generation endpoints ask of the response cache: whether a request may be cached (deterministic,
 * unless configured otherwise, and without log-probabilities, which are not kept), its key (endpoint, model,
 * the settings as the engine will get them, the answer's structure (response_format, tools, tool_choice,
 * parallel_tool_calls) and logit_bias, n, the prompt's token ids, the caller's scope), and the
 * conversion between engine results and cached answers. A grounded prompt holds the retrieved passages, so
 * an answer drawn on documents that changed is keyed apart from the old one even before its scope is
 * invalidated.
 */
@ApplicationScoped
public class GenerationCache {

    @Inject
    ResponseCache cache;

    @Inject
    GenerationConfig config;

    /** The key of the request, or null when it is not cacheable. */
    CacheKey key(CacheMode mode, String endpoint, ServedModel model, List<int[]> prompts, SamplingFields fields,
                 Steering steering, boolean streaming, String extra, String semanticText) {
        if (fields.logprobAlternatives() != null) {
            return null;
        }
        GenerationSettings settings = SettingsMapper.settings(fields, config.auto(streaming), prompts.get(0).length, 0,
                steering);
        if (cache.deterministicOnly() && !deterministic(settings, model)) {
            return null;
        }
        // the constraint and the biases by their request text (the same on every server), the rest as the engine
        // gets it
        String determinants = endpoint + "|" + model.id() + "|" + SettingsMapper.settings(fields,
                config.auto(streaming), prompts.get(0).length, 0) + "|" + steering.key() + "|n="
                + (fields.n() == null ? 1 : fields.n()) + "|" + extra;
        String prompt = prompts.stream().map(Arrays::toString).collect(Collectors.joining(";"));
        return cache.key(mode.scope(), determinants, prompt, semanticText);
    }

    ResponseCache.Found lookup(CacheKey key, CacheMode mode, String endpoint) {
        return cache.lookup(mode.read() ? key : null, endpoint);
    }

    /**
     * Stores the results when every choice ended well; runs after the request has gone (the key is null when the
     * caller said no-store).
     */
    void store(CacheKey key, int promptTokens, List<GenerationResult> results, List<Citation> citations) {
        if (key != null && results.stream().allMatch(r -> r.finishReason() == FinishReason.STOP
                || r.finishReason() == FinishReason.LENGTH)) {
            cache.store(key, new CachedAnswer(promptTokens, results.stream().map(r -> new CachedAnswer.Choice(
                    r.text(), r.finishReason().wireName(), r.completionTokens())).toList(), citations));
        }
    }

    /** A cached answer as engine results, so that every response shape is built the same way. */
    static List<GenerationResult> results(CachedAnswer answer) {
        return answer.choices().stream().map(c -> new GenerationResult(c.text(), new int[0],
                FinishReason.valueOf(c.finishReason().toUpperCase(Locale.ROOT)), answer.promptTokens(),
                c.completionTokens(), 0, Duration.ZERO, Duration.ZERO, List.of())).toList();
    }

    /** Greedy, beam search or a fixed seed: the same request gives the same answer. */
    private static boolean deterministic(GenerationSettings s, ServedModel model) {
        boolean greedy = s.temperature() != null ? s.temperature() == 0 : !model.model().config().defaults().doSample();
        return greedy || s.seed() != null || (s.numBeams() != null && s.numBeams() > 1);
    }
}
