package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Admission control, deadlines and cancellation through the real scheduler. The test server runs with 8 rows
 * per batch and 8 waiting requests at most (liberty/src/main/server-env/lantern-it.env); deadlines are
 * shortened per request with {@code Lantern-Timeout}, so that no result depends on the machine's speed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadIT {

    private static final String MODEL = "model=\"docs-llama-8m\"";

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    /** About 1000 tokens: seconds of work even alone. */
    private static ObjectNode longRequest() {
        return Api.object().put("prompt", "The kernel").put("max_tokens", 1000).put("ignore_eos", true)
                .put("temperature", 0);
    }

    private static HttpRequest.Builder post(ObjectNode body) throws Exception {
        return Api.request("/v1/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(body)));
    }

    private static CompletableFuture<HttpResponse<String>> async(HttpRequest request) {
        return LanternServer.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void fullQueueAnswers503AtOnceAndTheServerRecovers() throws Exception {
        double rejectedBefore = Metrics.sum("lantern_requests_rejected_total", "queue_full");
        List<InputStream> running = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<InputStream> stream = LanternServer.client().send(post(longRequest().put("stream", true))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            running.add(stream.body());
        }
        try {
            assertTrue(Metrics.await("lantern_num_requests_running", MODEL, 8, Duration.ofSeconds(10)), "8 rows run");
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(async(post(longRequest()).header("Lantern-Timeout", "3").build()));
            }
            assertTrue(Metrics.await("lantern_num_requests_waiting", MODEL, 8, Duration.ofSeconds(10)), "8 wait");

            long start = System.nanoTime();
            HttpResponse<String> refused = Api.post("/v1/completions", longRequest());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("OVERLOADED", Api.json(refused).path("error").path("code").asText());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertTrue(millis < 2000, "answered at once, not after a wait: " + millis + " ms");
            assertEquals(rejectedBefore + 1, Metrics.sum("lantern_requests_rejected_total", "queue_full"));

            for (CompletableFuture<HttpResponse<String>> f : waiting) {
                HttpResponse<String> response = f.get();
                assertEquals(504, response.statusCode(), "waited in the queue past its deadline: " + response.body());
                assertEquals("TIMEOUT", Api.json(response).path("error").path("code").asText());
            }
        } finally {
            for (InputStream stream : running) {
                stream.close(); // the clients go away: their rows are cancelled
            }
        }
        assertTrue(awaitIdle(), "the cancelled rows left the batch");
        HttpResponse<String> after = Api.post("/v1/completions", Api.object().put("prompt", "The kernel")
                .put("max_tokens", 8));
        assertEquals(200, after.statusCode(), "succeeds once the queue has room: " + after.body());
    }

    private static boolean awaitIdle() throws Exception {
        for (int i = 0; i < 400; i++) {
            if (Metrics.value("lantern_num_requests_running", MODEL) == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    @Order(2)
    void aDeadlineEndsTheGenerationWith504() throws Exception {
        HttpResponse<String> response = LanternServer.client().send(post(longRequest())
                .header("Lantern-Timeout", "0.5").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(504, response.statusCode(), response.body());
        assertEquals("TIMEOUT", Api.json(response).path("error").path("code").asText());
    }

    @Test
    @Order(3)
    void aStreamPastItsDeadlineEndsWithAnErrorEvent() throws Exception {
        HttpResponse<InputStream> response = LanternServer.client().send(post(longRequest().put("stream", true))
                .header("Lantern-Timeout", "0.5").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        String body = new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(body.contains("[DONE]"), "a failed stream has no [DONE]");
        String last = body.lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow();
        JsonNode error = LanternServer.JSON.readTree(last.substring(6)).path("error");
        assertEquals("TIMEOUT", error.path("code").asText(), last);
        assertTrue(error.path("request_id").asText().startsWith("req_"));
        assertEquals(response.headers().firstValue("Lantern-Request-Id").orElse("?"), error.path("request_id").asText());
    }

    @Test
    @Order(4)
    void aClientThatGoesAwayCancelsItsGeneration() throws Exception {
        double before = Metrics.sum("lantern_request_success_total", "finished_reason=\"cancelled\"");
        HttpResponse<InputStream> response = LanternServer.client().send(post(longRequest().put("stream", true))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertTrue(body.read(new byte[64]) > 0, "the stream started");
        }
        assertTrue(Metrics.await("lantern_request_success_total", "finished_reason=\"cancelled\"", before + 1,
                Duration.ofSeconds(10)), "the row ended as cancelled well before it could finish");
    }

    @Test
    @Order(5)
    void generationMetricsAreExported() throws Exception {
        Api.post("/v1/chat/completions", Api.chat("Hi").put("max_tokens", 4));
        String metrics = LanternServer.get("/metrics").body();
        for (String name : new String[] {"lantern_time_to_first_token_seconds_bucket",
                "lantern_time_per_output_token_seconds_bucket", "lantern_prompt_tokens_total",
                "lantern_generation_tokens_total", "lantern_num_requests_running", "lantern_num_requests_waiting",
                "lantern_batch_size", "lantern_requests_rejected_total", "lantern_request_success_total",
                "lantern_request_generation_tokens_bucket", "lantern_request_tokens_per_second",
                "lantern_e2e_request_latency_seconds", "lantern_scheduler_steps"}) {
            assertTrue(metrics.contains(name + "{"), name);
        }
        assertTrue(Metrics.value("lantern_generation_tokens_total", MODEL) > 0);
    }
}
