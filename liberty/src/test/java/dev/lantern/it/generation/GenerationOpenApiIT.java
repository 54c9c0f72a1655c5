package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import org.junit.jupiter.api.Test;

/** /openapi describes every generation endpoint with its schemas, catalogue errors and bearer security. */
class GenerationOpenApiIT {

    @Test
    void everyGenerationEndpointIsDescribed() throws Exception {
        JsonNode doc = LanternServer.json(LanternServer.get("/openapi?format=JSON"));
        String[][] endpoints = {{"/v1/models", "get"}, {"/v1/chat/completions", "post"}, {"/v1/completions", "post"},
                {"/v1/embeddings", "post"}, {"/generate", "post"}};
        for (String[] endpoint : endpoints) {
            JsonNode operation = doc.path("paths").path(endpoint[0]).path(endpoint[1]);
            assertFalse(operation.isMissingNode(), endpoint[0]);
            assertFalse(operation.path("summary").asText().isBlank(), endpoint[0] + " summary");
            assertTrue(operation.path("security").toString().contains("bearer"), endpoint[0] + " security");
            assertTrue(operation.path("responses").has("200"), endpoint[0] + " 200");
            assertTrue(operation.path("responses").has("401"), endpoint[0] + " 401");
            if (!endpoint[0].equals("/v1/models")) {
                assertTrue(operation.path("responses").path("400").toString().contains("#/components/schemas/Error"),
                        endpoint[0] + " 400 with the error body");
                assertTrue(operation.path("requestBody").toString().contains("#/components/schemas/"), endpoint[0]);
            }
        }
        JsonNode chat = doc.path("paths").path("/v1/chat/completions").path("post");
        assertTrue(chat.path("responses").has("503") && chat.path("responses").has("504"));
        assertTrue(chat.path("responses").path("200").path("content").has("text/event-stream"));
        JsonNode schemas = doc.path("components").path("schemas");
        for (String schema : new String[] {"ChatCompletionRequest", "ChatCompletion", "ChatCompletionChunk",
                "CompletionRequest", "Completion", "EmbeddingRequest", "EmbeddingList", "ModelList", "GenerateRequest",
                "GenerateResponse", "Usage", "Error"}) {
            assertFalse(schemas.path(schema).isMissingNode(), schema);
        }
        JsonNode request = schemas.path("ChatCompletionRequest").path("properties");
        for (String field : new String[] {"temperature", "top_p", "max_tokens", "stop", "seed", "n", "logprobs",
                "top_logprobs", "frequency_penalty", "presence_penalty", "top_k", "min_p", "repetition_penalty",
                "num_beams", "use_beam_search", "ignore_eos", "min_tokens", "stream", "stream_options"}) {
            assertFalse(request.path(field).isMissingNode(), "ChatCompletionRequest." + field);
        }
        assertEquals("2", request.path("temperature").path("maximum").asText().replace(".0", ""));
    }
}
