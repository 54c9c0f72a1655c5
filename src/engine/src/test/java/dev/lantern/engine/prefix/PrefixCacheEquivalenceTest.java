package dev.lantern.engine.prefix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.Reference;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.batch.BatchScheduler;
import dev.lantern.engine.batch.SchedulerLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prefix cache changes what is computed, never what is generated: 200 greedy prompts of the demo model's fp32
 * file (which gives the same tokens batched as alone) that share prefixes in four ways, run through a scheduler
 * with the cache and through one without it, wave by wave (the requests of a wave are submitted together, so
 * they are prefilled together and join running batches), give the same tokens — and the cache is really used.
 */
class PrefixCacheEquivalenceTest {
    private static final GenerationSettings GREEDY = GenerationSettings.builder().greedy().maxTokens(8).build();
    private static final GenerationSettings BEAMS = GenerationSettings.builder().numBeams(2).maxTokens(6).build();
    private static LanguageModel model;
    private static int[] text;

    /** One request of a wave. */
    private record Ask(int[] prompt, String scope, GenerationSettings settings) {
        Ask(int[] prompt) {
            this(prompt, "user-a", GREEDY);
        }
    }

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(Reference.DEMO, RuntimeOptions.defaults().withOnnxFile("model.onnx"));
        text = model.encode(Files.readString(Path.of("../../README.md")));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[] slice(int from, int length) {
        return Arrays.copyOfRange(text, from, from + length);
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    /** The same long system prompt, then a different question, one by one and in bursts. */
    private static List<List<Ask>> sameSystemPrompt() {
        int[] system = slice(0, 420);
        List<List<Ask>> waves = new ArrayList<>();
        int asked = 0;
        for (int burst = 1; asked < 50; burst = burst % 8 + 1) {
            List<Ask> wave = new ArrayList<>();
            for (int i = 0; i < burst && asked < 50; i++, asked++) {
                wave.add(new Ask(concat(system, slice(2000 + 37 * asked, 3 + asked % 29))));
            }
            waves.add(wave);
        }
        return waves;
    }

    /** Five chats of ten turns: each turn is the whole history (with the model's own answers) plus a new question. */
    private static List<List<Ask>> chatContinuations() {
        List<int[]> chats = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            chats.add(slice(4000 + 500 * c, 40 + 31 * c));
        }
        List<List<Ask>> waves = new ArrayList<>();
        for (int turn = 0; turn < 10; turn++) {
            List<Ask> wave = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                int[] prompt = concat(chats.get(c), slice(7000 + 100 * turn + 13 * c, 5 + (turn * 7 + c) % 23));
                wave.add(new Ask(prompt));
                int[] answer = model.generate(GenerationRequest.of(prompt, GREEDY)).tokenIds();
                chats.set(c, concat(prompt, answer));
            }
            waves.add(wave);
        }
        return waves;
    }

    /** Prefixes of a long prompt, the prompt itself, again, and longer ones: shorter and longer than what is cached. */
    private static List<List<Ask>> prefixesOfPrefixes() {
        int[] whole = slice(9000, 700);
        int[] lengths = {700, 17, 16, 15, 32, 33, 48, 100, 250, 699, 700, 701, 64, 65, 1, 2, 350, 351, 352, 690};
        List<List<Ask>> waves = new ArrayList<>();
        for (int length : lengths) {
            waves.add(List.of(new Ask(Arrays.copyOf(whole, Math.min(length, 700)))));
        }
        int[] longer = concat(whole, slice(9800, 60));
        for (int i = 0; i < 30; i++) {
            int cut = 1 + (i * 53) % longer.length;
            waves.add(List.of(new Ask(Arrays.copyOf(longer, Math.max(1, cut)))));
        }
        return waves;
    }

    /**
     * Bursts mixing a cached prefix with a new one, identical prompts (as n &gt; 1 sends them), another user's
     * copy of a cached prompt, and beam searches, some joining batches that are still decoding.
     */
    private static List<List<Ask>> batchedArrivals() {
        int[] shared = slice(11000, 300);
        List<List<Ask>> waves = new ArrayList<>();
        waves.add(List.of(new Ask(concat(shared, slice(12000, 9)))));
        for (int w = 0; w < 7; w++) {
            List<Ask> wave = new ArrayList<>();
            int[] question = concat(shared, slice(12100 + 50 * w, 4 + w));
            wave.add(new Ask(question));
            wave.add(new Ask(question)); // n = 2
            wave.add(new Ask(concat(shared, slice(12500 + 40 * w, 20 + 3 * w))));
            wave.add(new Ask(slice(13000 + 90 * w, 50 + 20 * w))); // nothing cached
            wave.add(new Ask(question, "user-b", GREEDY)); // another scope: computed afresh
            wave.add(new Ask(concat(shared, slice(13800 + 10 * w, 6)), "user-a", w % 2 == 0 ? BEAMS : GREEDY));
            wave.add(new Ask(concat(shared, slice(12100 + 50 * w, 4 + w), slice(14000 + 10 * w, 3))));
            waves.add(wave);
        }
        return waves;
    }

    private static List<GenerationResult> run(BatchScheduler scheduler, List<List<Ask>> waves) throws Exception {
        List<GenerationResult> results = new ArrayList<>();
        List<CompletableFuture<GenerationResult>> previous = List.of();
        for (List<Ask> wave : waves) {
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (Ask ask : wave) {
                futures.add(scheduler.submit(GenerationRequest.of(ask.prompt(), ask.settings())
                        .inPrefixScope(ask.scope())));
            }
            for (CompletableFuture<GenerationResult> f : previous) { // a wave joins while the one before decodes
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            previous = futures;
        }
        for (CompletableFuture<GenerationResult> f : previous) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void twoHundredPromptsGiveTheSameTokensWithTheCacheOnAndOff() throws Exception {
        List<List<List<Ask>>> kinds = List.of(sameSystemPrompt(), chatContinuations(), prefixesOfPrefixes(),
                batchedArrivals());
        List<String> names = List.of("same system prompt", "chat continuation", "prefix of a prefix",
                "batched arrivals");
        int compared = 0;
        for (int k = 0; k < kinds.size(); k++) {
            List<List<Ask>> waves = kinds.get(k);
            List<GenerationResult> off;
            List<GenerationResult> on;
            SchedulerLimits limits = SchedulerLimits.defaults();
            try (BatchScheduler plain = new BatchScheduler(model, limits)) {
                off = run(plain, waves);
            }
            try (BatchScheduler cached = new BatchScheduler(model, limits.withPrefixCacheBytes(64L << 20))) {
                on = run(cached, waves);
                var stats = cached.stats();
                assertTrue(stats.prefixHitTokens() > stats.prefixQueriedTokens() / 3,
                        names.get(k) + ": the cache was hardly used: " + stats);
            }
            List<Ask> asks = waves.stream().flatMap(List::stream).toList();
            assertEquals(asks.size(), on.size());
            for (int i = 0; i < on.size(); i++) {
                assertArrayEquals(off.get(i).tokenIds(), on.get(i).tokenIds(), names.get(k) + ", request " + i
                        + " (" + on.get(i).cachedPromptTokens() + " of " + asks.get(i).prompt().length + " cached)");
                assertEquals(0, off.get(i).cachedPromptTokens());
            }
            compared += on.size();
            System.out.printf("prefix cache equivalence, %s: %d prompts, %d of %d prompt tokens from the cache%n",
                    names.get(k), on.size(), on.stream().mapToInt(GenerationResult::cachedPromptTokens).sum(),
                    on.stream().mapToInt(GenerationResult::promptTokens).sum());
        }
        assertEquals(200, compared);
    }

    @Test
    void anotherScopeDoesNotHitAndTheSameScopeDoes() throws Exception {
        int[] prompt = slice(500, 200);
        try (BatchScheduler scheduler = new BatchScheduler(model, SchedulerLimits.defaults()
                .withPrefixCacheBytes(16L << 20))) {
            assertEquals(0, scheduler.submit(GenerationRequest.of(prompt, GREEDY).inPrefixScope("alice")).get()
                    .cachedPromptTokens());
            assertEquals(0, scheduler.submit(GenerationRequest.of(prompt, GREEDY).inPrefixScope("bob")).get()
                    .cachedPromptTokens());
            assertEquals(192, scheduler.submit(GenerationRequest.of(prompt, GREEDY).inPrefixScope("alice")).get()
                    .cachedPromptTokens()); // whole blocks, leaving at least one token to run
            int[] shorter = Arrays.copyOf(prompt, 40);
            assertEquals(32, scheduler.submit(GenerationRequest.of(shorter, GREEDY).inPrefixScope("bob")).get()
                    .cachedPromptTokens());
        }
    }

    /** n = 3 on one lane and on two (where a burst is otherwise shared out between the lanes). */
    @ParameterizedTest(name = "{0} lane(s)")
    @ValueSource(ints = {1, 2})
    void identicalPromptsOfOneBurstArePrefilledOnce(int lanes) throws Exception {
        int[] prompt = slice(800, 100);
        try (BatchScheduler scheduler = new BatchScheduler(model, SchedulerLimits.defaults()
                .withAdmissionWindow(java.time.Duration.ofMillis(200)).withPrefixCacheBytes(16L << 20), lanes,
                BatchScheduler.DAEMON_THREADS)) {
            List<CompletableFuture<GenerationResult>> choices = IntStream.range(0, 3)
                    .mapToObj(i -> scheduler.submit(GenerationRequest.of(prompt, GREEDY))).toList();
            List<Integer> cached = new ArrayList<>();
            for (CompletableFuture<GenerationResult> c : choices) {
                cached.add(c.get(60, TimeUnit.SECONDS).cachedPromptTokens());
                assertArrayEquals(choices.get(0).get().tokenIds(), c.get().tokenIds());
            }
            assertEquals(List.of(0, 100, 100), cached);
        }
    }

    /** A burst of questions after one new long start: the start is computed once, and the answers do not change. */
    @Test
    void aBurstSharingANewStartComputesTheStartOnce() throws Exception {
        int[] start = slice(15000, 300);
        List<Ask> burst = IntStream.range(0, 4).mapToObj(i -> new Ask(concat(start, slice(15500 + 20 * i, 5 + i))))
                .toList();
        SchedulerLimits limits = SchedulerLimits.defaults().withAdmissionWindow(java.time.Duration.ofMillis(200));
        List<GenerationResult> off;
        try (BatchScheduler plain = new BatchScheduler(model, limits)) {
            off = run(plain, List.of(burst));
        }
        try (BatchScheduler cached = new BatchScheduler(model, limits.withPrefixCacheBytes(16L << 20))) {
            List<GenerationResult> on = run(cached, List.of(burst));
            for (int i = 0; i < burst.size(); i++) {
                assertArrayEquals(off.get(i).tokenIds(), on.get(i).tokenIds(), "request " + i);
                // 288 tokens of whole blocks are cached; rows with shorter questions run a few of them again rather
                // than padding (all rows run as many new positions as the longest rest)
                assertTrue(on.get(i).cachedPromptTokens() >= 285, "request " + i + " started from the shared start: "
                        + on.get(i).cachedPromptTokens());
            }
        }
    }
}
