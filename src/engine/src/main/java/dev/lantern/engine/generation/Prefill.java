package dev.lantern.engine.generation;

import dev.lantern.engine.onnx.DecoderSession;
import dev.lantern.engine.onnx.KvBlock;
import dev.lantern.engine.onnx.KvCache;
import dev.lantern.engine.onnx.KvRowCopy;
import dev.lantern.engine.prefix.PrefixCache;
import dev.lantern.engine.prefix.PrefixMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first model call of a batch of prompts, continuing each from its longest cached prefix. All rows run the
 * same number of new positions (the longest uncached rest), as a left-padded prefill computes padding anyway: a
 * row with a shorter rest runs that many of its cached tokens again instead of padding, so that its real
 * positions stay contiguous at the right end of the cache, as {@link DecodeBatch} needs. Its past is built from
 * the cached blocks and its {@code position_ids} continue from them (the cached keys carry their rotary
 * positions). Identical prompts of one scope are run once and their row copied ({@code n} &gt; 1), and a start
 * several prompts share beyond the cache is run once, first, in a call of its own. Afterwards every prompt's full
 * blocks are stored. With the cache off this is the plain left-padded prefill.
 */
final class Prefill {
    /** A shared start is prefilled on its own only when it spares at least this many tokens per row. */
    static final int SHARED_START_TOKENS = 32;
    /** A prompt to prefill and the scope its prefixes are shared in. */
    record Prompt(int[] ids, String scope) {
    }

    /**
     * The cache of the rows {@code [rows, kvHeads, past + width, headDim]}, each row's real positions at its
     * right end; each row's last-position logits; how many of each row's prompt tokens came from the cache.
     */
    record Result(KvCache cache, float[][] logits, int[] cachedTokens) {
    }

    private Prefill() {
    }

    static Result run(DecoderSession model, int padTokenId, List<Prompt> prompts, PrefixCache prefixes) {
        int[] source = new int[prompts.size()]; // the unique prompt each row is a copy of
        List<Prompt> unique = prefixes.enabled() ? dedupe(prompts, source) : identity(prompts, source);
        List<PrefixMatch> matches = lookup(prefixes, unique);
        try {
            // Only a cache can keep a shared start for the rows: without one it would be computed twice.
            List<Prompt> starts = prefixes.enabled() ? sharedStarts(unique, matches) : List.of();
            if (!starts.isEmpty()) {
                prefillAndStore(model, padTokenId, starts, prefixes).cache().close();
                matches.forEach(PrefixMatch::close);
                matches = lookup(prefixes, unique);
            }
            Result computed = compute(model, padTokenId, unique, matches);
            store(prefixes, unique, computed);
            Result result = unique.size() == prompts.size() ? computed : expand(model, prompts, source, computed);
            if (prefixes.enabled()) {
                for (int i = 0; i < prompts.size(); i++) {
                    prefixes.record(prompts.get(i).ids().length, result.cachedTokens()[i]);
                }
            }
            return result;
        } finally {
            matches.forEach(PrefixMatch::close);
        }
    }

    private static List<PrefixMatch> lookup(PrefixCache prefixes, List<Prompt> prompts) {
        List<PrefixMatch> matches = new ArrayList<>();
        for (Prompt p : prompts) {
            matches.add(prefixes.lookup(p.scope(), p.ids()));
        }
        return matches;
    }

    private static Result prefillAndStore(DecoderSession model, int padTokenId, List<Prompt> prompts,
                                          PrefixCache prefixes) {
        List<PrefixMatch> matches = lookup(prefixes, prompts);
        try {
            Result computed = compute(model, padTokenId, prompts, matches);
            store(prefixes, prompts, computed);
            return computed;
        } finally {
            matches.forEach(PrefixMatch::close);
        }
    }

    private static void store(PrefixCache prefixes, List<Prompt> prompts, Result computed) {
        for (int r = 0; r < prompts.size(); r++) {
            Prompt p = prompts.get(r);
            prefixes.store(p.scope(), p.ids(), computed.cache(), r, p.ids().length);
        }
    }

    /**
     * The starts that prompts of this burst share beyond what is cached (whole blocks, at least {@link
     * #SHARED_START_TOKENS} more than either has cached, never a prompt's last token), the longest of each family:
     * prefilled once in a call of their own and stored, they spare every row of the burst computing them again
     * (a burst of questions after one new system prompt computes it once, not once per question).
     */
    private static List<Prompt> sharedStarts(List<Prompt> prompts, List<PrefixMatch> matches) {
        List<Prompt> starts = new ArrayList<>();
        for (int a = 0; a < prompts.size(); a++) {
            for (int b = a + 1; b < prompts.size(); b++) {
                Prompt x = prompts.get(a);
                Prompt y = prompts.get(b);
                if (!x.scope().equals(y.scope())) {
                    continue;
                }
                int common = Math.min(commonLength(x.ids(), y.ids()),
                        Math.min(x.ids().length, y.ids().length) - 1);
                common -= common % PrefixCache.BLOCK_TOKENS;
                if (common - Math.max(matches.get(a).tokens(), matches.get(b).tokens()) >= SHARED_START_TOKENS) {
                    addLongest(starts, new Prompt(Arrays.copyOf(x.ids(), common), x.scope()));
                }
            }
        }
        return starts;
    }

    /** Adds {@code start} unless a longer one begins with it; drops those it is longer than. */
    private static void addLongest(List<Prompt> starts, Prompt start) {
        for (Prompt s : starts) {
            if (s.scope().equals(start.scope()) && s.ids().length >= start.ids().length
                    && commonLength(s.ids(), start.ids()) == start.ids().length) {
                return;
            }
        }
        starts.removeIf(s -> s.scope().equals(start.scope()) && commonLength(s.ids(), start.ids()) == s.ids().length);
        starts.add(start);
    }

    private static int commonLength(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    private static Result compute(DecoderSession model, int padTokenId, List<Prompt> prompts,
                                  List<PrefixMatch> matches) {
        int batch = prompts.size();
        int width = 0; // new positions per row: the longest uncached rest
        for (int r = 0; r < batch; r++) {
            width = Math.max(width, prompts.get(r).ids().length - matches.get(r).tokens());
        }
        int[] reused = new int[batch];
        int past = 0;
        for (int r = 0; r < batch; r++) {
            reused[r] = Math.max(0, prompts.get(r).ids().length - width);
            past = Math.max(past, reused[r]);
        }
        long[] ids = new long[batch * width];                 // [batch, width]
        long[] mask = new long[batch * (past + width)];       // [batch, past + width]
        long[] positions = new long[batch * width];           // [batch, width]
        for (int r = 0; r < batch; r++) {
            int[] prompt = prompts.get(r).ids();
            int fresh = prompt.length - reused[r];
            int pad = width - fresh;
            for (int i = past - reused[r]; i < past; i++) {
                mask[r * (past + width) + i] = 1;
            }
            for (int i = 0; i < width; i++) {
                boolean isReal = i >= pad;
                ids[r * width + i] = isReal ? prompt[reused[r] + i - pad] : padTokenId;
                mask[r * (past + width) + past + i] = isReal ? 1 : 0;
                positions[r * width + i] = isReal ? reused[r] + i - pad : 0; // continuing the cached prefix
            }
        }
        float[][] logits = new float[batch][model.vocabSize()];
        try (KvCache pastCache = past == 0 ? KvCache.empty(model.environment(), model.signature(), batch)
                : model.assembler().fromBlocks(blocks(matches), reused)) {
            return new Result(model.run(ids, mask, positions, batch, width, pastCache, logits), logits, reused);
        }
    }

    private static List<List<KvBlock>> blocks(List<PrefixMatch> matches) {
        return matches.stream().map(PrefixMatch::kv).toList();
    }

    private static List<Prompt> identity(List<Prompt> prompts, int[] source) {
        Arrays.setAll(source, i -> i);
        return prompts;
    }

    private static List<Prompt> dedupe(List<Prompt> prompts, int[] source) {
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<Prompt> unique = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            List<Object> key = List.of(p.scope(), Arrays.stream(p.ids()).boxed().toList());
            Integer first = seen.putIfAbsent(key, unique.size());
            if (first == null) {
                source[i] = unique.size();
                unique.add(p);
            } else {
                source[i] = first;
            }
        }
        return unique;
    }

    /** One row per prompt again: copies of a computed row, their whole prompt counted as cached but the first's. */
    private static Result expand(DecoderSession model, List<Prompt> prompts, int[] source, Result computed) {
        List<KvRowCopy> rows = new ArrayList<>();
        float[][] logits = new float[prompts.size()][];
        int[] cached = new int[prompts.size()];
        boolean[] taken = new boolean[computed.logits().length];
        for (int i = 0; i < prompts.size(); i++) {
            int u = source[i];
            rows.add(new KvRowCopy(computed.cache(), u, prompts.get(i).ids().length));
            logits[i] = computed.logits()[u].clone();
            cached[i] = taken[u] ? prompts.get(i).ids().length : computed.cachedTokens()[u];
            taken[u] = true;
        }
        try (KvCache ignored = computed.cache()) {
            return new Result(model.assembler().assemble(rows, 0), logits, cached);
        }
    }
}
