package dev.lantern.bench;

import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Single-stream greedy decode rate of the engine divided by a bare ONNX Runtime loop's, same model file,
 * same ~150-token prompt, rounds alternated (engine, bare, bare, engine) in one JVM after warm-up. Prints absolute rates and the median ratio.
 * Usage: EngineDecodeBench MODEL_DIR [onnx files...] (default model_int8.onnx model.onnx)
 */
public final class EngineDecodeBench {
    static final int ROUNDS = Integer.getInteger("rounds", 5);
    static final int NEW_TOKENS = Integer.getInteger("tokens", 256);
    static final int THREADS = Integer.getInteger("threads", 0);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../models/docs-llama-8m");
        List<String> files = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("model_int8.onnx", "model.onnx");
        for (String file : files) {
            run(dir, file);
        }
    }

    static int[] prompt(LanguageModel model, Path dir, int tokens) throws Exception {
        String text = Files.readString(dir.resolve("README.md"));
        return Arrays.copyOf(model.encode(text), tokens);
    }

    private static void run(Path dir, String file) throws Exception {
        RuntimeOptions options = RuntimeOptions.defaults().withOnnxFile(file).withIntraOpThreads(THREADS);
        try (LanguageModel model = LanguageModel.load(dir, options);
             BareDecodeLoop bare = new BareDecodeLoop(dir.resolve(file).toString(), THREADS)) {
            int[] prompt = prompt(model, dir, 150);
            GenerationSettings greedy = GenerationSettings.builder().greedy().maxTokens(NEW_TOKENS)
                    .ignoreEos(true).build();
            for (int i = 0; i < 2; i++) { // warm-up
                engineRate(model, prompt, greedy);
                bareRate(bare, prompt);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> engineRates = new ArrayList<>();
            List<Double> bareRates = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // engine, bare, bare, engine: a load change during the round hits both arms alike
                double e1 = engineRate(model, prompt, greedy);
                double b = (bareRate(bare, prompt) + bareRate(bare, prompt)) / 2;
                double e = (e1 + engineRate(model, prompt, greedy)) / 2;
                engineRates.add(e);
                bareRates.add(b);
                ratios.add(e / b);
                System.out.printf("  %s round %d: engine %.1f tok/s, bare %.1f tok/s, ratio %.3f%n", file, round + 1,
                        e, b, e / b);
            }
            System.out.printf("engine-decode %s: engine %.1f tok/s, bare ORT %.1f tok/s (medians), ratio %.3f "
                    + "(median of %d rounds, target >= 0.95)%n", file, median(engineRates), median(bareRates),
                    median(ratios), ROUNDS);
        }
    }

    /** Decode rate after the first token, as the bare loop measures it. */
    static double engineRate(LanguageModel model, int[] prompt, GenerationSettings settings) {
        GenerationResult r = model.generate(GenerationRequest.of(prompt, settings));
        double seconds = (r.total().toNanos() - r.timeToFirstToken().toNanos()) / 1e9;
        return (r.completionTokens() - 1) / seconds;
    }

    static double bareRate(BareDecodeLoop bare, int[] prompt) throws Exception {
        return (NEW_TOKENS - 1) / (bare.decode(List.of(prompt), NEW_TOKENS).decodeNanos() / 1e9);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
