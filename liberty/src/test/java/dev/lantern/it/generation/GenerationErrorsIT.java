package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue errors of the generation endpoints: status, code, param and request id. */
class GenerationErrorsIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static JsonNode error(String path, Object body, int status, String code) throws Exception {
        HttpResponse<String> response = Api.post(path, body);
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = Api.json(response).path("error");
        assertEquals(code, error.path("code").asText(), response.body());
        assertEquals(response.headers().firstValue("Lantern-Request-Id").orElse("?"), error.path("request_id").asText());
        assertFalse(error.path("message").asText().contains("Exception"), "no internals: " + error);
        return error;
    }

    @Test
    void unknownModelIs404() throws Exception {
        JsonNode e = error("/v1/chat/completions", Api.chat("Hi").put("model", "gpt-4"), 404, "MODEL_NOT_FOUND");
        assertEquals("model", e.path("param").asText());
        error("/v1/completions", Api.object().put("prompt", "x").put("model", "nope"), 404, "MODEL_NOT_FOUND");
        error("/generate", Api.object().put("text", "x").put("model", "nope"), 404, "MODEL_NOT_FOUND");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        error("/v1/chat/completions", "{\"messages\": [", 400, "VALIDATION_ERROR");
        error("/v1/completions", "", 400, "VALIDATION_ERROR");
    }

    @Test
    void wrongTypesName400TheirField() throws Exception {
        assertEquals("temperature", error("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"hi\"}],\"temperature\":\"hot\"}", 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals("top_p", error("/v1/completions", "{\"prompt\":\"x\",\"top_p\":{}}", 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("messages", error("/v1/chat/completions", "{\"messages\":\"hi\"}", 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("n", error("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"n\":{}}", 400, "VALIDATION_ERROR").path("param").asText());
        // what JSON-B alone converted silently: "yes" to false (a plain answer), 1.5 to 1, 123 to "123"
        assertEquals("stream", error("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"hi\"}],\"stream\":\"yes\"}", 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals("max_tokens", error("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1.5}", 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("max_tokens", error("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":\"5\"}", 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("text", error("/generate", "{\"text\":123}", 400, "VALIDATION_ERROR").path("param").asText());
    }

    @Test
    void missingAndOutOfRangeFieldsName400TheirField() throws Exception {
        assertEquals("messages", error("/v1/chat/completions", Api.object().put("max_tokens", 5), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("prompt", error("/v1/completions", Api.object(), 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals("temperature", error("/v1/chat/completions", Api.chat("Hi").put("temperature", 2.5), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("top_p", error("/v1/chat/completions", Api.chat("Hi").put("top_p", 0), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("max_tokens", error("/v1/completions", Api.object().put("prompt", "x").put("max_tokens", 0), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("n", error("/v1/chat/completions", Api.chat("Hi").put("n", 99), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("num_beams", error("/v1/chat/completions", Api.chat("Hi").put("num_beams", 0), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("top_logprobs", error("/v1/chat/completions", Api.chat("Hi").put("top_logprobs", 21), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("messages[0].role", error("/v1/chat/completions", "{\"messages\":[{\"role\":\"wizard\","
                + "\"content\":\"hi\"}]}", 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals("stop", error("/v1/chat/completions", Api.chat("Hi").put("stop", 5), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("prompt", error("/v1/completions", Api.object().put("prompt", ""), 400,
                "VALIDATION_ERROR").path("param").asText());
        assertEquals("encoding_format", error("/v1/embeddings", Api.object().put("input", "x")
                .put("encoding_format", "hex"), 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals("min_tokens", error("/v1/completions", Api.object().put("prompt", "x").put("max_tokens", 2)
                .put("min_tokens", 5), 400, "VALIDATION_ERROR").path("param").asText());
    }

    /**
     * A JSON body over lantern.http.max-json-body-bytes (1 MiB) is refused before it is parsed or tokenised,
     * whether it declares its length or comes chunked; one under the limit is read (and here is too long for
     * the model's context).
     */
    @Test
    void aJsonBodyOverTheLimitIs413() throws Exception {
        String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "word ".repeat(220_000) + "\"}]}";
        error("/v1/chat/completions", big, 413, "REQUEST_TOO_LARGE");
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = LanternServer.client().send(Api.request("/v1/chat/completions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertEquals("REQUEST_TOO_LARGE", Api.json(chunked).path("error").path("code").asText());
        String under = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "word ".repeat(180_000) + "\"}]}";
        error("/v1/chat/completions", under, 400, "TOKEN_LIMIT_EXCEEDED");
    }

    @Test
    void promptLongerThanTheContextIs400TokenLimit() throws Exception {
        String longText = "word ".repeat(1100);
        assertEquals("messages", error("/v1/chat/completions", Api.chat(longText), 400, "TOKEN_LIMIT_EXCEEDED")
                .path("param").asText());
        assertEquals("prompt", error("/v1/completions", Api.object().put("prompt", longText), 400,
                "TOKEN_LIMIT_EXCEEDED").path("param").asText());
        assertEquals("text", error("/generate", Api.object().put("text", longText), 400, "TOKEN_LIMIT_EXCEEDED")
                .path("param").asText());
        JsonNode e = error("/v1/chat/completions", Api.chat(longText).put("stream", true), 400, "TOKEN_LIMIT_EXCEEDED");
        assertTrue(e.path("message").asText().contains("1023"), e.toString());
    }

    @Test
    void errorsAreCountedInTheErrorStatistics() throws Exception {
        error("/v1/chat/completions", Api.chat("Hi").put("model", "missing-model"), 404, "MODEL_NOT_FOUND");
        String metrics = LanternServer.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("lantern_errors_total") && l.contains("MODEL_NOT_FOUND")
                && l.contains("/v1/chat/completions")), "lantern_errors_total for the 404");
    }
}
