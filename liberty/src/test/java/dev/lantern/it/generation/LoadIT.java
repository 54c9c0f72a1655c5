package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Admission control and deadlines through the real scheduler. The test server runs with 8 rows per batch,
 * 8 waiting requests at most and a 4-second time limit (liberty/src/main/server-env/lantern-it.env).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadIT {

    private static final String MODEL = "model=\"docs-llama-8m\"";

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    /** A generation of about 1000 tokens: far longer than 4 seconds when 8 share the batch. */
    private static ObjectNode longRequest() {
        return Api.object().put("prompt", "The kernel").put("max_tokens", 1000).put("ignore_eos", true)
                .put("temperature", 0);
    }

    private static CompletableFuture<HttpResponse<String>> async(ObjectNode body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Api.post("/v1/completions", body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Order(1)
    void fullQueueAnswers503AtOnceDeadlineAnswers504AndTheServerRecovers() throws Exception {
        double rejectedBefore = Metrics.value("lantern_requests_rejected_total", "queue_full");
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            running.add(async(longRequest()));
        }
        CompletableFuture<Api.Events> stream = CompletableFuture.supplyAsync(() -> {
            try {
                return Api.stream("/v1/completions", longRequest().put("stream", true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Metrics.await("lantern_num_requests_running", MODEL, 8, Duration.ofSeconds(3)), "8 rows run");
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(async(longRequest()));
        }
        assertTrue(Metrics.await("lantern_num_requests_waiting", MODEL, 8, Duration.ofSeconds(2)), "8 wait");

        long start = System.nanoTime();
        HttpResponse<String> refused = Api.post("/v1/completions", longRequest());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("OVERLOADED", Api.json(refused).path("error").path("code").asText());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertTrue(millis < 1000, "answered at once, not after a wait: " + millis + " ms");
        assertEquals(rejectedBefore + 1, Metrics.value("lantern_requests_rejected_total", "queue_full"));

        for (CompletableFuture<HttpResponse<String>> f : running) {
            HttpResponse<String> response = f.get();
            assertEquals(504, response.statusCode(), response.body());
            assertEquals("TIMEOUT", Api.json(response).path("error").path("code").asText());
        }
        for (CompletableFuture<HttpResponse<String>> f : waiting) {
            assertEquals(504, f.get().statusCode(), "waited past its deadline");
        }
        Api.Events events = stream.get();
        assertEquals(200, events.status());
        assertTrue(!events.done(), "a failed stream has no [DONE]");
        JsonNode last = events.data().get(events.data().size() - 1);
        assertEquals("TIMEOUT", last.path("error").path("code").asText(), last.toString());
        assertTrue(last.path("error").path("request_id").asText().startsWith("req_"));

        HttpResponse<String> after = Api.post("/v1/completions", Api.object().put("prompt", "The kernel")
                .put("max_tokens", 8));
        assertEquals(200, after.statusCode(), "succeeds once the queue has room: " + after.body());
    }

    @Test
    @Order(2)
    void aClientThatGoesAwayCancelsItsGeneration() throws Exception {
        double before = Metrics.value("lantern_request_success_total", "finished_reason=\"cancelled\"");
        HttpResponse<InputStream> response = LanternServer.client().send(Api.request("/v1/completions")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        LanternServer.JSON.writeValueAsString(longRequest().put("stream", true)))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertTrue(body.read(new byte[64]) > 0, "the stream started");
        }
        assertTrue(Metrics.await("lantern_request_success_total", "finished_reason=\"cancelled\"", before + 1,
                Duration.ofSeconds(3)), "the row ended as cancelled well before its deadline");
    }

    @Test
    @Order(3)
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
