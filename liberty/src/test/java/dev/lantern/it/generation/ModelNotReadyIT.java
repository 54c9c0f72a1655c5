package dev.lantern.it.generation;

import static dev.lantern.it.errors.ErrorBodies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 503 MODEL_NOT_READY caused for real: the IT server's {@code LANTERN_MODELS} lists a second model,
 * {@code damaged}, whose directory holds the demo model's configuration and tokenizer but an ONNX file that
 * is not a graph (as after a download cut short; made by the liberty module's build). ONNX Runtime refuses it,
 * the registry marks it failed, and every request naming it is answered 503 without the loader's internals,
 * while the default model and readiness are unaffected.
 */
class ModelNotReadyIT {

    private static final String DAMAGED = "damaged";

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    @Test
    void aCompletionForTheDamagedModelIsModelNotReady() throws Exception {
        HttpResponse<String> response = Api.post("/v1/completions",
                Api.object().put("model", DAMAGED).put("prompt", "Hello").put("max_tokens", 4));
        JsonNode error = assertError(response, 503, "MODEL_NOT_READY");
        assertTrue(error.path("message").asText().contains("'" + DAMAGED + "' failed to load"), response.body());
        assertFalse(response.body().contains("onnx") || response.body().contains("Ort"), response.body());
    }

    @Test
    void aChatCompletionForTheDamagedModelIsModelNotReadyStreamedOrNot() throws Exception {
        assertError(Api.post("/v1/chat/completions", Api.chat("Hello").put("model", DAMAGED)), 503, "MODEL_NOT_READY");
        Api.Events streamed = Api.stream("/v1/chat/completions",
                Api.chat("Hello").put("model", DAMAGED).put("stream", true));
        assertEquals(503, streamed.status(), "refused before the stream starts: " + streamed.rawLines());
    }

    @Test
    void theDefaultModelStillAnswers() throws Exception {
        HttpResponse<String> response = Api.post("/v1/completions",
                Api.object().put("prompt", "Hello").put("max_tokens", 2));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void theModelListAndReadinessShowTheFailure() throws Exception {
        JsonNode damaged = null;
        for (JsonNode model : Api.json(Api.get("/v1/models")).path("data")) {
            if (DAMAGED.equals(model.path("id").asText())) {
                damaged = model;
            }
        }
        assertTrue(damaged != null, "the damaged model is listed");
        assertEquals("failed", damaged.path("status").asText());
        assertFalse(damaged.path("ready").asBoolean());
        assertFalse(damaged.path("default").asBoolean());

        HttpResponse<String> ready = LanternServer.get("/health/ready");
        assertEquals(200, ready.statusCode(), "a failed non-default model does not hold readiness back");
        String state = null;
        for (JsonNode check : LanternServer.json(ready).path("checks")) {
            if ("models".equals(check.path("name").asText())) {
                state = check.path("data").path(DAMAGED).asText();
            }
        }
        assertEquals("FAILED", state, ready.body());
    }
}
