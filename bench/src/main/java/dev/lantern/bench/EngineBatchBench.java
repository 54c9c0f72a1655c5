package dev.lantern.bench;

import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LaneLayout;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.batch.BatchScheduler;
import dev.lantern.engine.batch.SchedulerLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Eight concurrent greedy streams through the {@link BatchScheduler}: aggregate tokens/s against a bare ONNX
 * Runtime batch-of-8 loop (target >= 0.85) and against one stream through the same scheduler (target >= 3).
 * Wall time from submission to the last token, prefill included, in every arm. Rounds alternate arms. The
 * scheduler runs in the layout the server would choose ({@link LaneLayout}; -Dlanes overrides), and a third arm
 * runs the bare loop in that layout too.
 */
public final class EngineBatchBench {
    private static final int STREAMS = 8;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../models/docs-llama-8m");
        List<String> files = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("model_int8.onnx", "model.onnx");
        for (String file : files) {
            run(dir, file);
        }
    }

    private static void run(Path dir, String file) throws Exception {
        int tokens = EngineDecodeBench.NEW_TOKENS;
        RuntimeOptions options = RuntimeOptions.defaults().withOnnxFile(file)
                .withIntraOpThreads(EngineDecodeBench.THREADS);
        LaneLayout layout = LaneLayout.resolve(dir, options, Integer.getInteger("lanes", 0), STREAMS,
                Runtime.getRuntime().availableProcessors()); // as the server decides
        System.out.printf("  %s: %s%n", file, layout);
        try (LanguageModel model = LanguageModel.load(dir, layout.applyTo(options));
             BatchScheduler scheduler = new BatchScheduler(model, SchedulerLimits.defaults(), layout.lanes(),
                     BatchScheduler.DAEMON_THREADS);
             BareDecodeLoop bare = new BareDecodeLoop(dir.resolve(file).toString(), EngineDecodeBench.THREADS);
             BareLanes laned = new BareLanes(dir.resolve(file).toString(), layout.lanes(), layout.intraOpThreads())) {
            int[] prompt = EngineDecodeBench.prompt(model, dir, 150);
            GenerationSettings greedy = GenerationSettings.builder().greedy().maxTokens(tokens).ignoreEos(true)
                    .build();
            List<int[]> prompts = Collections.nCopies(STREAMS, prompt);
            engine(scheduler, prompt, greedy, STREAMS);
            engine(scheduler, prompt, greedy, 1);
            bare.decode(prompts, tokens);
            laned.decode(prompts, tokens);
            List<Double> vsBare = new ArrayList<>();
            List<Double> vsLaned = new ArrayList<>();
            List<Double> vsSingle = new ArrayList<>();
            List<Double> batched = new ArrayList<>();
            List<Double> bareRates = new ArrayList<>();
            List<Double> singles = new ArrayList<>();
            for (int round = 0; round < EngineDecodeBench.ROUNDS; round++) {
                double e = engine(scheduler, prompt, greedy, STREAMS);
                double b = STREAMS * tokens / (bare.decode(prompts, tokens).totalNanos() / 1e9);
                double s = engine(scheduler, prompt, greedy, 1);
                double l = STREAMS * tokens / (laned.decode(prompts, tokens) / 1e9);
                vsLaned.add(e / l);
                batched.add(e);
                bareRates.add(b);
                singles.add(s);
                vsBare.add(e / b);
                vsSingle.add(e / s);
                System.out.printf("  %s round %d: engine x8 %.1f tok/s, bare x8 %.1f tok/s, engine x1 %.1f tok/s, "
                        + "bare in the scheduler's layout x8 %.1f tok/s%n", file, round + 1, e, b, s, l);
            }
            var stats = scheduler.stats();
            System.out.printf("  %s scheduler: %d steps, %d prefills, %d cache rebuilds taking %.1f%% of decode-step "
                            + "time (%.2f ms per rebuild, %.2f ms per step)%n", file, stats.steps(), stats.prefills(),
                    stats.rebuilds(), 100 * stats.rebuildShare(), stats.rebuildNanos() / 1e6 / Math.max(1,
                            stats.rebuilds()), stats.stepNanos() / 1e6 / Math.max(1, stats.steps()));
            staggered(scheduler, prompt, greedy, file);
            System.out.printf("engine-batch %s: 8 streams %.1f tok/s, bare ORT batch-8 %.1f tok/s, single stream "
                            + "%.1f tok/s; ratio vs bare %.3f (target >= 0.85), vs single %.2fx (target >= 3); vs bare "
                            + "in the scheduler's layout (%d lane(s)) %.3f%n",
                    file, EngineDecodeBench.median(batched), EngineDecodeBench.median(bareRates),
                    EngineDecodeBench.median(singles), EngineDecodeBench.median(vsBare),
                    EngineDecodeBench.median(vsSingle), layout.lanes(), EngineDecodeBench.median(vsLaned));
        }
    }

    /**
     * Eight streams submitted 40 ms apart, as independent users arrive: each joins a running batch, so the
     * KV cache is rebuilt; prints what the rebuilds cost against the decode steps of the same run.
     */
    private static void staggered(BatchScheduler scheduler, int[] prompt, GenerationSettings settings, String file)
            throws Exception {
        var before = scheduler.stats();
        submitAndWait(scheduler, prompt, settings, STREAMS, 40);
        var after = scheduler.stats();
        long rebuilds = after.rebuilds() - before.rebuilds();
        long steps = after.steps() - before.steps();
        System.out.printf("  %s staggered arrivals (40 ms apart): %d cache rebuilds, %.2f ms each, against %.2f ms "
                        + "per decode step (%d steps); rebuilds %.1f%% of decode-step time%n", file, rebuilds,
                (after.rebuildNanos() - before.rebuildNanos()) / 1e6 / Math.max(1, rebuilds),
                (after.stepNanos() - before.stepNanos()) / 1e6 / Math.max(1, steps), steps,
                100.0 * (after.rebuildNanos() - before.rebuildNanos()) / Math.max(1, after.stepNanos()
                        - before.stepNanos()));
    }

    /** Aggregate tokens/s of {@code streams} requests submitted together. */
    private static double engine(BatchScheduler scheduler, int[] prompt, GenerationSettings settings, int streams)
            throws Exception {
        long start = System.nanoTime();
        int generated = submitAndWait(scheduler, prompt, settings, streams, 0);
        return generated / ((System.nanoTime() - start) / 1e9);
    }

    /** Submits {@code streams} requests {@code gapMillis} apart and waits for all; the tokens they generated. */
    private static int submitAndWait(BatchScheduler scheduler, int[] prompt, GenerationSettings settings, int streams,
                                     long gapMillis) throws Exception {
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            futures.add(scheduler.submit(GenerationRequest.of(prompt, settings)));
            if (gapMillis > 0) {
                Thread.sleep(gapMillis);
            }
        }
        int generated = 0;
        for (CompletableFuture<GenerationResult> f : futures) {
            generated += f.get().completionTokens();
        }
        return generated;
    }
}
