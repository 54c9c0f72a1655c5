package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Continuous batching changes nothing in what a greedy request generates (demo model, through HTTP). */
class BatchingIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static ObjectNode request(String prompt, int maxTokens) {
        return Api.object().put("prompt", prompt).put("max_tokens", maxTokens).put("temperature", 0)
                .put("ignore_eos", true).put("logprobs", 0);
    }

    private static JsonNode tokens(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response).path("choices").get(0).path("logprobs").path("tokens");
    }

    @Test
    void greedyTokensAloneEqualTokensBatchedWithSevenOthers() throws Exception {
        ObjectNode probe = request("The memory manager of the kernel", 48);
        JsonNode alone = tokens(Api.post("/v1/completions", probe));
        assertEquals(48, alone.size());

        String[] others = {"Python", "A list is a mutable sequence type that", "The scheduler",
                "Each process has its own address space, and the kernel keeps a table of pages for it so that",
                "import os", "Generators", "The file system layer provides a common interface to"};
        double stepsBefore = Metrics.value("lantern_scheduler_steps", "docs-llama-8m");
        double tokensBefore = Metrics.value("lantern_scheduler_tokens", "docs-llama-8m");
        List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
        for (int i = 0; i < others.length; i++) {
            ObjectNode other = request(others[i], 30 + 9 * i);
            batch.add(CompletableFuture.supplyAsync(() -> post(other)));
        }
        CompletableFuture<HttpResponse<String>> probed = CompletableFuture.supplyAsync(() -> post(probe));
        for (CompletableFuture<HttpResponse<String>> f : batch) {
            assertEquals(200, f.get().statusCode());
        }
        assertEquals(alone, tokens(probed.get()), "the same tokens batched as alone");
        double steps = Metrics.value("lantern_scheduler_steps", "docs-llama-8m") - stepsBefore;
        double tokens = Metrics.value("lantern_scheduler_tokens", "docs-llama-8m") - tokensBefore;
        assertEquals(true, tokens / steps > 2.0, "requests shared model calls: " + tokens / steps + " rows a step");
    }

    private static HttpResponse<String> post(ObjectNode body) {
        try {
            return Api.post("/v1/completions", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
