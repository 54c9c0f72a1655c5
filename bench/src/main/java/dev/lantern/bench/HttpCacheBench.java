package dev.lantern.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The response cache's worth: the latency of a deterministic chat completion (temperature 0, 64 new tokens)
 * answered by the model ({@code Cache-Control: no-cache}) against the same request answered from the cache
 * ({@code Lantern-Cache: hit}), alternated, through the running server's HTTP API. Prints the median of each
 * and their ratio. Before the measured pairs, {@code warmUpHits} cached answers warm the hit path: a
 * generation runs long enough for the server's JIT to compile its path within a few calls, a cache hit does
 * not: with 20 pairs alone the hits measured 17 ms, after 300 warm-up hits 8-11 ms, after 2,000 5 ms (curl: 4.5
 * ms; wrk on one kept-alive connection: 1.8 ms p50). Arguments: base URL. System properties: requests (20),
 * warmUpHits (1000), token (a bearer token).
 */
public final class HttpCacheBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = Integer.getInteger("requests", 20);
        String bearer = System.getProperty("token", "");
        List<Double> uncached = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        String warmUp = chat(-1);
        call(base, bearer, warmUp, true, "miss");
        for (int i = 0; i < Integer.getInteger("warmUpHits", 1000); i++) {
            call(base, bearer, warmUp, false, "hit");
        }
        for (int i = 0; i < requests + 2; i++) {
            String json = chat(i);
            double fresh = call(base, bearer, json, true, "miss");
            double hit = call(base, bearer, json, false, "hit");
            if (i >= 2) { // the first two warm up both paths
                uncached.add(fresh);
                cached.add(hit);
            }
        }
        double u = EngineDecodeBench.median(uncached);
        double c = EngineDecodeBench.median(cached);
        System.out.printf("http-cache: generated %.1f ms, cached %.2f ms (medians of %d); cached/uncached latency "
                + "%.4f (%.0fx faster)%n", u, c, uncached.size(), c / u, u / c);
    }

    /** A deterministic 64-token chat completion whose question is numbered {@code i}. */
    private static String chat(int i) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("temperature", 0).put("max_tokens", 64);
        body.putArray("messages").addObject().put("role", "user")
                .put("content", "Question " + i + ": what does the kernel's memory manager do?");
        return JSON.writeValueAsString(body);
    }

    private static double call(String base, String bearer, String json, boolean fresh, String expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (fresh) {
            request.header("Cache-Control", "no-cache");
        }
        if (!bearer.isEmpty()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        String cache = response.headers().firstValue("Lantern-Cache").orElse("(none)");
        if (response.statusCode() != 200 || !cache.equals(expected)) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ", Lantern-Cache " + cache + ": "
                    + response.body());
        }
        return millis;
    }
}
