package dev.lantern.bench;

import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LaneLayout;
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
 * The prefix cache (issue 21) through two {@link BatchScheduler}s of one loaded model, one with the cache and one
 * without, in the layout the server would choose; arms alternate round by round.
 * <ol>
 * <li>Time to first token of a request whose first {@code prefixTokens} (900) tokens were seen before (a long
 * system prompt, then a new 12-token question each round): with the cache ÷ without (target ≤ 0.2).</li>
 * <li>A chat of 8 turns (each prompt the whole history with the model's answers plus a new question): prompt
 * tokens computed with the cache ÷ prompt tokens (what is computed without), and the chat's time on ÷ off.</li>
 * <li>Eight streams whose prompts share no prefix (new text every round), {@code tokens} new tokens each:
 * aggregate tokens/s with the cache ÷ without (target ≥ 0.97): what looking up and storing costs; and, since the
 * wall clock of a shared machine is noisy, the same as tokens per CPU second of the schedulers' lane threads.</li>
 * </ol>
 */
public final class PrefixCacheBench {
    private static final int ROUNDS = Integer.getInteger("rounds", 7);
    private static final int PREFIX = Integer.getInteger("prefixTokens", 900);
    private static final int TOKENS = Integer.getInteger("tokens", 128);
    private static final int STREAMS = 8;
    private static final long BYTES = Long.getLong("prefixCacheBytes", 256L << 20);
    private static final LaneThreads ON_LANES = new LaneThreads();
    private static final LaneThreads OFF_LANES = new LaneThreads();

    /**
     * The lane threads of one scheduler, whose CPU time measures the work it did whatever else the machine runs
     * (with one ONNX Runtime thread per lane, the model runs on the lane's own thread).
     */
    private static final class LaneThreads implements java.util.concurrent.ThreadFactory {
        private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = BatchScheduler.DAEMON_THREADS.newThread(task);
            threads.add(t);
            return t;
        }

        long cpuNanos() {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            return threads.stream().mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.getId()))).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../models/docs-llama-8m");
        String file = args.length > 1 ? args[1] : "model.onnx";
        Path textFile = Path.of(args.length > 2 ? args[2] : "../README.md");
        RuntimeOptions options = RuntimeOptions.defaults().withOnnxFile(file);
        LaneLayout layout = LaneLayout.resolve(dir, options, Integer.getInteger("lanes", 0), STREAMS,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  %s %s: %s%n", dir.getFileName(), file, layout);
        try (LanguageModel model = LanguageModel.load(dir, layout.applyTo(options));
             BatchScheduler on = new BatchScheduler(model, SchedulerLimits.defaults().withPrefixCacheBytes(BYTES),
                     layout.lanes(), ON_LANES);
             BatchScheduler off = new BatchScheduler(model, SchedulerLimits.defaults(), layout.lanes(), OFF_LANES)) {
            int[] text = model.encode(Files.readString(textFile));
            String name = dir.getFileName() + " " + file;
            String parts = System.getProperty("parts", "ttft,chat,streams");
            if (parts.contains("ttft")) {
                timeToFirstToken(name, on, off, text);
            }
            if (parts.contains("chat")) {
                chat(name, on, off, text);
            }
            if (parts.contains("streams")) {
                streams(name, on, off, text);
            }
        }
    }

    private static int[] slice(int[] text, int from, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = text[(from + i) % text.length];
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static GenerationResult one(BatchScheduler scheduler, int[] prompt, int maxTokens) throws Exception {
        return scheduler.submit(GenerationRequest.of(prompt, GenerationSettings.builder().greedy()
                .maxTokens(maxTokens).ignoreEos(true).build())).get();
    }

    private static void timeToFirstToken(String name, BatchScheduler on, BatchScheduler off, int[] text)
            throws Exception {
        int[] system = slice(text, 0, PREFIX);
        one(on, concat(system, slice(text, 20_000, 12)), 1); // the prefix is seen once
        one(off, concat(system, slice(text, 20_000, 12)), 1);
        List<Double> ratios = new ArrayList<>();
        List<Double> ons = new ArrayList<>();
        List<Double> offs = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 2; round++) {
            int[] prompt = concat(system, slice(text, 20_100 + 40 * round, 12));
            GenerationResult cached = one(on, prompt, 1);
            GenerationResult plain = one(off, prompt, 1);
            if (round < 2) {
                continue; // warm-up
            }
            double a = cached.timeToFirstToken().toNanos() / 1e6;
            double b = plain.timeToFirstToken().toNanos() / 1e6;
            ons.add(a);
            offs.add(b);
            ratios.add(a / b);
            System.out.printf("  ttft round %d: %d-token prompt, %d cached: %.1f ms with the cache, %.1f ms "
                    + "without%n", round - 1, prompt.length, cached.cachedPromptTokens(), a, b);
        }
        System.out.printf("prefix-cache %s: time to first token after a seen %d-token prefix %.1f ms vs %.1f ms "
                        + "without the cache; ratio %.3f (target <= 0.2)%n", name, PREFIX,
                EngineDecodeBench.median(ons), EngineDecodeBench.median(offs), EngineDecodeBench.median(ratios));
    }

    /** Eight turns; each turn's prompt is the history with the model's answer and a new question. */
    private static void chat(String name, BatchScheduler on, BatchScheduler off, int[] text) throws Exception {
        List<Double> tokenRatios = new ArrayList<>();
        List<Double> timeRatios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int[] history = slice(text, 30_000 + 997 * round, 60);
            long computed = 0;
            long prompted = 0;
            long onNanos = 0;
            long offNanos = 0;
            for (int turn = 0; turn < 8; turn++) {
                int[] prompt = concat(history, slice(text, 40_000 + 311 * round + 37 * turn, 20));
                long t0 = System.nanoTime();
                GenerationResult cached = one(on, prompt, 40);
                long t1 = System.nanoTime();
                one(off, prompt, 40);
                offNanos += System.nanoTime() - t1;
                onNanos += t1 - t0;
                prompted += prompt.length;
                computed += prompt.length - cached.cachedPromptTokens();
                history = concat(prompt, cached.tokenIds());
            }
            tokenRatios.add((double) computed / prompted);
            timeRatios.add((double) onNanos / offNanos);
            System.out.printf("  chat round %d: 8 turns, %d prompt tokens, %d computed with the cache; %.0f ms vs "
                    + "%.0f ms%n", round + 1, prompted, computed, onNanos / 1e6, offNanos / 1e6);
        }
        System.out.printf("prefix-cache %s: 8-turn chat, prompt tokens computed with the cache / without %.3f; "
                + "its time with / without %.3f%n", name, EngineDecodeBench.median(tokenRatios),
                EngineDecodeBench.median(timeRatios));
    }

    private static double rate(BatchScheduler scheduler, List<int[]> prompts) throws Exception {
        GenerationSettings settings = GenerationSettings.builder().greedy().maxTokens(TOKENS).ignoreEos(true).build();
        long start = System.nanoTime();
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (int[] p : prompts) {
            futures.add(scheduler.submit(GenerationRequest.of(p, settings)));
        }
        int generated = 0;
        for (CompletableFuture<GenerationResult> f : futures) {
            generated += f.get().completionTokens();
        }
        return generated / ((System.nanoTime() - start) / 1e9);
    }

    private static void streams(String name, BatchScheduler on, BatchScheduler off, int[] text) throws Exception {
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        var onBefore = on.stats();
        var offBefore = off.stats();
        int offset = 50_000;
        for (int round = 0; round < ROUNDS + 2; round++) {
            List<int[]> onPrompts = new ArrayList<>();
            List<int[]> offPrompts = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                onPrompts.add(slice(text, offset += 151, 150)); // new text every time: nothing to reuse
                offPrompts.add(slice(text, offset += 151, 150));
            }
            double a;
            double b;
            long onCpu = ON_LANES.cpuNanos();
            long offCpu = OFF_LANES.cpuNanos();
            if (round % 2 == 0) {
                a = rate(on, onPrompts);
                b = rate(off, offPrompts);
            } else {
                b = rate(off, offPrompts);
                a = rate(on, onPrompts);
            }
            onCpu = ON_LANES.cpuNanos() - onCpu;
            offCpu = OFF_LANES.cpuNanos() - offCpu;
            if (round < 2) {
                continue; // warm-up
            }
            ratios.add(a / b);
            cpuRatios.add((double) offCpu / onCpu); // same tokens in both arms: tokens per CPU second, on / off
            System.out.printf("  streams round %d: 8 streams without a shared prefix %.1f tok/s with the cache, "
                    + "%.1f tok/s without; lane CPU %.0f ms with, %.0f ms without%n", round - 1, a, b, onCpu / 1e6,
                    offCpu / 1e6);
        }
        var stats = on.stats();
        var offStats = off.stats();
        System.out.printf("  streams: prefill %.1f ms per call with the cache (lookups and stores included), %.1f ms "
                        + "without; decode step %.2f ms with, %.2f ms without%n",
                (stats.prefillNanos() - onBefore.prefillNanos()) / 1e6 / (stats.prefills() - onBefore.prefills()),
                (offStats.prefillNanos() - offBefore.prefillNanos()) / 1e6 / (offStats.prefills() - offBefore.prefills()),
                (stats.stepNanos() - onBefore.stepNanos()) / 1e6 / (stats.steps() - onBefore.steps()),
                (offStats.stepNanos() - offBefore.stepNanos()) / 1e6 / (offStats.steps() - offBefore.steps()));
        System.out.printf("prefix-cache %s: 8 streams without a shared prefix, tokens/s with the cache / without "
                        + "%.3f (target >= 0.97), tokens per lane CPU second with / without %.3f; the cache holds %.1f "
                        + "MB, hit rate %.1f%% of all prompt tokens%n", name, EngineDecodeBench.median(ratios),
                EngineDecodeBench.median(cpuRatios), stats.prefixBytes() / 1e6, 100 * stats.prefixHitRate());
    }
}
