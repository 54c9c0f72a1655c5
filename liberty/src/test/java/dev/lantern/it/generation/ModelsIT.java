package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelsIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    @Test
    void listsTheDemoModelAsReadyDefaultAndTheEmbeddingModel() throws Exception {
        HttpResponse<String> response = Api.get("/v1/models");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode list = Api.json(response);
        assertEquals("list", list.path("object").asText());
        JsonNode chat = list.path("data").get(0);
        assertEquals("docs-llama-8m", chat.path("id").asText());
        assertEquals("model", chat.path("object").asText());
        assertEquals("lantern", chat.path("owned_by").asText());
        assertTrue(chat.path("created").asLong() > 1_600_000_000L);
        assertTrue(chat.path("ready").asBoolean());
        assertTrue(chat.path("default").asBoolean());
        assertEquals(1024, chat.path("context_length").asInt());
        JsonNode embedding = list.path("data").get(list.path("data").size() - 1); // after the language models
        assertEquals("all-minilm-l6-v2", embedding.path("id").asText());
        assertEquals("embedding", embedding.path("type").asText());
        assertEquals("ready", embedding.path("status").asText());
    }

    /** OpenAI's "retrieve model": one entry of the list, 404 MODEL_NOT_FOUND for an unknown id. */
    @Test
    void aModelIsRetrievedByItsId() throws Exception {
        HttpResponse<String> response = Api.get("/v1/models/docs-llama-8m");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode model = Api.json(response);
        assertEquals("docs-llama-8m", model.path("id").asText());
        assertEquals("model", model.path("object").asText());
        assertEquals("embedding", Api.json(Api.get("/v1/models/all-minilm-l6-v2")).path("type").asText());
        HttpResponse<String> missing = Api.get("/v1/models/gpt-4");
        assertEquals(404, missing.statusCode(), missing.body());
        assertEquals("MODEL_NOT_FOUND", Api.json(missing).path("error").path("code").asText());
    }

    @Test
    void readinessReportsTheModels() throws Exception {
        JsonNode checks = LanternServer.json(LanternServer.get("/health/ready")).path("checks");
        JsonNode models = null;
        for (JsonNode check : checks) {
            if ("models".equals(check.path("name").asText())) {
                models = check;
            }
        }
        assertTrue(models != null, "a models readiness check: " + checks);
        assertEquals("UP", models.path("status").asText());
        assertEquals("READY", models.path("data").path("docs-llama-8m").asText());
        assertEquals("docs-llama-8m", models.path("data").path("default").asText());
    }

    @Test
    void startupLogShowsReadinessWaitedForTheModel() throws Exception {
        String log = java.nio.file.Files.readString(LanternServer.messagesLog());
        assertTrue(log.contains("Model docs-llama-8m loaded from "), "the model's load is logged");
    }
}
