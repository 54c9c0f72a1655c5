package dev.lantern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.engine.LaneLayout;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.RuntimeOptions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Eight concurrent streamed completions through the running server's HTTP API (128-token prompts sent as
 * token ids, 128 new tokens, ignore_eos, temperature 0) against a bare ONNX Runtime batch-of-8 loop on the
 * same ONNX file in this JVM (target >= 0.85) and against one stream through the same server (target >= 3).
 * Aggregate rate = generated tokens / wall time from the first request sent to the last [DONE], prefill
 * included in every arm; time to first token = request sent to its first content event. Rounds alternate,
 * after warm-up rounds (the server's JIT). The bare loop also runs one stream, so that its own batch-8 ÷
 * single-stream scaling, the ceiling of the second ratio on this machine, is measured in the same run. A third
 * arm runs the bare loop in the layout the server chose ({@link LaneLayout}: on the int8 demo file two lanes of
 * four rows, one thread each), so the server is also compared with the best bare use of the same cores.
 *
 * <p>Arguments: base URL, model directory, ONNX file. System properties: rounds, tokens, promptTokens, token
 * (a bearer token, when the server wants one).
 */
public final class HttpBatchBench {
    private static final int STREAMS = 8;
    private static final int WARM_UP_ROUNDS = Integer.getInteger("warmUpRounds", 15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One thread per stream, started once: a round's requests are sent together. */
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(STREAMS, r -> {
        Thread t = new Thread(r, "bench-client");
        t.setDaemon(true);
        return t;
    });

    record Stream(int tokens, long ttftNanos) {
    }

    record Round(double rate, List<Long> ttfts) {
    }

    public static void main(String[] args) throws Exception {
        // keep a connection per stream between rounds (the JDK keeps 5 by default), so a round's requests
        // leave together instead of some opening a connection first
        System.setProperty("http.maxConnections", String.valueOf(2 * STREAMS));
        String base = args[0];
        Path dir = Path.of(args[1]);
        String file = args[2];
        int rounds = Integer.getInteger("rounds", 5);
        int tokens = Integer.getInteger("tokens", 128);
        int promptTokens = Integer.getInteger("promptTokens", 128);
        String bearer = System.getProperty("token", "");
        int[] prompt;
        try (LanguageModel model = LanguageModel.load(dir, RuntimeOptions.defaults().withOnnxFile(file))) {
            prompt = EngineDecodeBench.prompt(model, dir, promptTokens);
        }
        List<int[]> prompts = Collections.nCopies(STREAMS, prompt);
        // the layout the server chose for this file (its log says so too): LANTERN_SCHEDULER_LANES, as the
        // server reads it from the environment run.sh starts it in, else decided from the file's size
        int lanes = Integer.parseInt(System.getenv().getOrDefault("LANTERN_SCHEDULER_LANES", "0"));
        LaneLayout layout = LaneLayout.resolve(dir, RuntimeOptions.defaults().withOnnxFile(file), lanes, STREAMS,
                Runtime.getRuntime().availableProcessors());
        try (BareDecodeLoop bare = new BareDecodeLoop(dir.resolve(file).toString(), EngineDecodeBench.THREADS);
             BareLanes laned = new BareLanes(dir.resolve(file).toString(), layout.lanes(), layout.intraOpThreads())) {
            for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) { // the server's JIT, then all arms settle
                http(base, bearer, prompt, tokens, STREAMS);
                http(base, bearer, prompt, tokens, 1);
                bare.decode(prompts, tokens);
                bare.decode(List.of(prompt), tokens);
                laned.decode(prompts, tokens);
                laned.decodeOne(prompt, tokens);
            }
            List<Double> batched = new ArrayList<>();
            List<Double> bareRates = new ArrayList<>();
            List<Double> singles = new ArrayList<>();
            List<Double> vsBare = new ArrayList<>();
            List<Double> vsSingle = new ArrayList<>();
            List<Double> bareScaling = new ArrayList<>();
            List<Double> lanedRates = new ArrayList<>();
            List<Double> vsLaned = new ArrayList<>();
            List<Double> lanedScaling = new ArrayList<>();
            List<Long> ttfts = new ArrayList<>();
            List<Long> singleTtfts = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Round eight = http(base, bearer, prompt, tokens, STREAMS);
                double b = STREAMS * tokens / (bare.decode(prompts, tokens).totalNanos() / 1e9);
                Round one = http(base, bearer, prompt, tokens, 1);
                double bareOne = tokens / (bare.decode(List.of(prompt), tokens).totalNanos() / 1e9);
                double l = STREAMS * tokens / (laned.decode(prompts, tokens) / 1e9);
                double lanedOne = tokens / (laned.decodeOne(prompt, tokens) / 1e9);
                lanedRates.add(l);
                vsLaned.add(eight.rate() / l);
                lanedScaling.add(l / lanedOne);
                batched.add(eight.rate());
                bareRates.add(b);
                singles.add(one.rate());
                vsBare.add(eight.rate() / b);
                vsSingle.add(eight.rate() / one.rate());
                bareScaling.add(b / bareOne);
                ttfts.addAll(eight.ttfts());
                singleTtfts.addAll(one.ttfts());
                System.out.printf("  %s round %d: HTTP x8 %.1f tok/s, bare ORT x8 %.1f tok/s, HTTP x1 %.1f tok/s, "
                        + "bare ORT x1 %.1f tok/s; bare in the server's layout x8 %.1f tok/s, x1 %.1f tok/s%n", file,
                        round, eight.rate(), b, one.rate(), bareOne, l, lanedOne);
            }
            Collections.sort(ttfts);
            Collections.sort(singleTtfts);
            System.out.printf("http-batch %s: 8 streams %.1f tok/s, bare ORT batch-8 %.1f tok/s, single stream %.1f "
                            + "tok/s; ratio vs bare %.3f (target >= 0.85), vs single %.2fx (target >= 3); time to "
                            + "first token x8 p50 %.0f ms p95 %.0f ms, x1 p50 %.0f ms; the bare loop's own batch-8 ÷ "
                            + "single-stream scaling %.2fx (the ceiling of the second ratio on this machine)%n", file,
                    EngineDecodeBench.median(batched), EngineDecodeBench.median(bareRates),
                    EngineDecodeBench.median(singles), EngineDecodeBench.median(vsBare),
                    EngineDecodeBench.median(vsSingle), percentile(ttfts, 0.50), percentile(ttfts, 0.95),
                    percentile(singleTtfts, 0.50), EngineDecodeBench.median(bareScaling));
            System.out.printf("http-batch %s, the server's layout (%d lane(s) of %d thread(s)) done bare: x8 %.1f "
                            + "tok/s; "
                            + "ratio vs it %.3f; its own x8 ÷ x1 scaling %.2fx%n", file, layout.lanes(),
                    layout.intraOpThreads(), EngineDecodeBench.median(lanedRates), EngineDecodeBench.median(vsLaned),
                    EngineDecodeBench.median(lanedScaling));
        }
    }

    private static Round http(String base, String bearer, int[] prompt, int tokens, int streams) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("max_tokens", tokens).put("temperature", 0)
                .put("ignore_eos", true).put("stream", true);
        body.set("prompt", JSON.valueToTree(prompt));
        body.putObject("stream_options").put("include_usage", true);
        String json = JSON.writeValueAsString(body);
        long start = System.nanoTime();
        List<CompletableFuture<Stream>> futures = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> stream(base, bearer, json), CLIENTS));
        }
        int generated = 0;
        List<Long> ttfts = new ArrayList<>();
        for (CompletableFuture<Stream> f : futures) {
            generated += f.get().tokens();
            ttfts.add(f.get().ttftNanos());
        }
        return new Round(generated / ((System.nanoTime() - start) / 1e9), ttfts);
    }

    /**
     * One streamed completion. The client is kept light, since it shares the machine's cores with the server:
     * a blocking {@link HttpURLConnection} (the JDK's {@code HttpClient} cost the server a measurable share of
     * the CPU here), and JSON parsed only until the first content event and for the usage event.
     */
    private static Stream stream(String base, String bearer, String json) {
        long sent = System.nanoTime();
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/v1/completions").toURL()
                    .openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(300_000);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Cache-Control", "no-store"); // the model must generate: greedy answers are cacheable
            if (!bearer.isEmpty()) {
                connection.setRequestProperty("Authorization", "Bearer " + bearer);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            if (connection.getResponseCode() != 200) {
                try (InputStream error = connection.getErrorStream()) {
                    throw new IllegalStateException("HTTP " + connection.getResponseCode() + ": "
                            + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            long first = 0;
            int tokens = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.startsWith("data: {") || (first != 0 && !line.contains("\"usage\"")
                            && !line.contains("\"error\""))) {
                        continue;
                    }
                    JsonNode event = JSON.readTree(line.substring(6));
                    if (event.has("error")) {
                        throw new IllegalStateException(event.toString());
                    }
                    JsonNode choice = event.path("choices").path(0);
                    if (first == 0 && !choice.path("text").asText("").isEmpty()) {
                        first = System.nanoTime();
                    }
                    if (event.path("usage").has("completion_tokens")) {
                        tokens = event.path("usage").path("completion_tokens").asInt();
                    }
                }
            }
            return new Stream(tokens, first - sent);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, index))) / 1e6;
    }
}
