package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import dev.lantern.it.auth.AuthClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No request thread per generation (issue 17): 600 streaming generations opened at once on a server whose queue
 * holds 1,000 (lantern-ear, {@code LANTERN_SCHEDULER_MAX_QUEUED_REQUESTS=1000}) all complete with 200 and
 * {@code [DONE]}; while they run (from the moment every stream has its answer's headers, so all 600 are open at
 * once, until they end) {@code /health/ready} answers within 100 ms, and the JVM's live threads (the server's own
 * {@code thread_count} metric) stay under 300 throughout. The probes made while the 600 requests themselves are
 * being read and admitted are reported too: on two cores that burst takes the CPU for a moment.
 */
class ConcurrentStreamsIT {

    private static final int STREAMS = 600;
    private static final Pattern THREADS = Pattern.compile("(?m)^thread_count\\{[^}]*} ([0-9.eE+]+)");

    @Test
    void sixHundredStreamsOpenedAtOnceAllCompleteWhileTheServerStaysResponsive() throws Exception {
        String base = System.getProperty("lantern.ear.baseUrl", "http://localhost:9181");
        LanternServer.awaitReady(base, Duration.ofMinutes(3));
        String[] admin = LanternServer.earAdministrator();
        String token = AuthClient.call("POST", base, "/login", null, LanternServer.JSON.createObjectNode()
                .put("email", admin[0]).put("password", admin[1]), java.util.Map.of()).body();
        String bearer = LanternServer.JSON.readTree(token).path("access_token").asText();

        ObjectNode body = Api.chat("Name one thing a lantern is used for.").put("stream", true).put("max_tokens", 16)
                .put("temperature", 0);
        HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Cache-Control", "no-store").timeout(Duration.ofMinutes(4))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();

        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch open = new CountDownLatch(STREAMS);
        List<Long> readyMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> burstMillis = Collections.synchronizedList(new ArrayList<>());
        List<Double> threads = Collections.synchronizedList(new ArrayList<>());
        Thread monitor = new Thread(() -> watch(base, running, open, readyMillis, burstMillis, threads));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        HttpResponse.BodyHandler<String> headersCounted = info -> {
            open.countDown();
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
        for (int i = 0; i < STREAMS; i++) {
            answers.add(streams.sendAsync(request, headersCounted));
        }
        monitor.start();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        running.set(false);
        monitor.join();

        int ok = 0;
        int done = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            ok += response.statusCode() == 200 ? 1 : 0;
            done += response.body().contains("data: [DONE]") ? 1 : 0;
        }
        assertEquals(STREAMS, ok, "every stream answered 200 (none refused)");
        assertEquals(STREAMS, done, "every stream ended with [DONE]");
        assertTrue(!readyMillis.isEmpty(), "readiness was probed while all streams were open");
        long slowest = readyMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        double most = threads.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("%d streams: while all were open /health/ready answered %d times, slowest %d ms (%s); "
                + "while they were being opened %s ms; at most %.0f live threads%n", STREAMS, readyMillis.size(),
                slowest, readyMillis, burstMillis, most);
        assertTrue(slowest < 100, "readiness answered within 100 ms: slowest " + slowest + " ms of " + readyMillis);
        assertTrue(most < 300, "live threads stayed under 300: " + most);
    }

    /**
     * Every 200 ms while the streams run: the time /health/ready takes (kept apart while streams are still
     * being opened), and the server's live thread count.
     */
    private static void watch(String base, AtomicBoolean running, CountDownLatch open, List<Long> readyMillis,
                              List<Long> burstMillis, List<Double> threads) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (running.get()) {
            try {
                boolean allOpen = open.getCount() == 0;
                long start = System.nanoTime();
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                (allOpen && running.get() ? readyMillis : burstMillis).add((System.nanoTime() - start) / 1_000_000);
                assertEquals(200, ready.statusCode());
                Matcher count = THREADS.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                if (count.find()) {
                    threads.add(Double.parseDouble(count.group(1)));
                }
                Thread.sleep(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
