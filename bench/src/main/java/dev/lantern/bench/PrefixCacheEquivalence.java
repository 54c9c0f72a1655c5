package dev.lantern.bench;

import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.batch.BatchScheduler;
import dev.lantern.engine.batch.SchedulerLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The prefix cache's equivalence check for models too slow for the unit test's 200 prompts (a real-shape random
 * model): {@code prompts} greedy prompts sharing prefixes in the test's four ways (one system prompt, a chat's
 * turns, prefixes of one prompt, bursts mixing them), submitted in waves to a scheduler with the cache and to one
 * without; prints how many gave the same tokens. Arguments: model directory, ONNX file, text to cut prompts from.
 */
public final class PrefixCacheEquivalence {
    private static final GenerationSettings GREEDY = GenerationSettings.builder().greedy().maxTokens(6).build();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int scale = Integer.getInteger("scale", 10); // prompts per kind
        try (LanguageModel model = LanguageModel.load(dir, RuntimeOptions.defaults().withOnnxFile(args[1]))) {
            int[] text = model.encode(Files.readString(Path.of(args[2])));
            List<List<int[]>> waves = new ArrayList<>();
            int[] system = Arrays.copyOfRange(text, 0, 200);
            for (int i = 0; i < scale; i += 2) { // one system prompt, questions in pairs
                waves.add(List.of(concat(system, slice(text, 2000 + 40 * i, 5 + i)),
                        concat(system, slice(text, 2500 + 40 * i, 9 + i))));
            }
            int[] chat = slice(text, 4000, 50);
            for (int turn = 0; turn < scale; turn++) { // a chat's turns, each the history and a new question
                int[] prompt = concat(chat, slice(text, 6000 + 30 * turn, 7 + turn % 5));
                waves.add(List.of(prompt));
                chat = concat(prompt, model.generate(GenerationRequest.of(prompt, GREEDY)).tokenIds());
            }
            int[] whole = slice(text, 9000, 300);
            for (int i = 0; i < scale; i++) { // prefixes of one prompt, shorter and longer than what is cached
                waves.add(List.of(Arrays.copyOf(whole, 1 + (i * 131 + 300) % 300)));
            }
            int[] shared = slice(text, 11000, 150);
            for (int i = 0; i < scale; i += 5) { // bursts: a cached start, a copy (n = 2), a new prompt
                int[] q = concat(shared, slice(text, 12000 + 50 * i, 4 + i));
                waves.add(List.of(q, q, concat(shared, slice(text, 12500 + 30 * i, 11)), slice(text, 13000 + 90 * i, 60),
                        concat(q, slice(text, 14000 + 10 * i, 3))));
            }
            List<GenerationResult> off;
            List<GenerationResult> on;
            try (BatchScheduler plain = new BatchScheduler(model, SchedulerLimits.defaults())) {
                off = run(plain, waves);
            }
            try (BatchScheduler cached = new BatchScheduler(model, SchedulerLimits.defaults()
                    .withPrefixCacheBytes(256L << 20))) {
                on = run(cached, waves);
            }
            int same = 0;
            long cachedTokens = 0;
            long promptTokens = 0;
            for (int i = 0; i < on.size(); i++) {
                boolean equal = Arrays.equals(off.get(i).tokenIds(), on.get(i).tokenIds());
                same += equal ? 1 : 0;
                cachedTokens += on.get(i).cachedPromptTokens();
                promptTokens += on.get(i).promptTokens();
                if (!equal) {
                    System.out.printf("  prompt %d differs: %s vs %s (%d cached)%n", i,
                            Arrays.toString(off.get(i).tokenIds()), Arrays.toString(on.get(i).tokenIds()),
                            on.get(i).cachedPromptTokens());
                }
            }
            System.out.printf("prefix-cache equivalence %s %s: %d of %d greedy prompts token-identical with the cache on "
                    + "and off; %d of %d prompt tokens from the cache%n", dir.getFileName(), args[1], same, on.size(),
                    cachedTokens, promptTokens);
        }
    }

    private static List<GenerationResult> run(BatchScheduler scheduler, List<List<int[]>> waves) throws Exception {
        List<GenerationResult> results = new ArrayList<>();
        for (List<int[]> wave : waves) {
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (int[] prompt : wave) {
                futures.add(scheduler.submit(GenerationRequest.of(prompt, GREEDY)));
            }
            for (CompletableFuture<GenerationResult> f : futures) {
                results.add(f.get());
            }
        }
        return results;
    }

    private static int[] slice(int[] text, int from, int length) {
        return Arrays.copyOfRange(text, from, from + length);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
