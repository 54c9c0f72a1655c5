package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tutorial's route, with the automatic settings (no sampling field) and with explicit ones. */
class GenerateIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    @Test
    void answersTextWithResponse() throws Exception {
        HttpResponse<String> response = Api.post("/generate", Api.object().put("text", "What is a list?"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Api.json(response);
        assertFalse(body.path("response").asText().isBlank());
        assertEquals(1, body.size(), "only {\"response\"}");
    }

    @Test
    void acceptsSamplingFields() throws Exception {
        HttpResponse<String> response = Api.post("/generate", Api.object().put("text", "What is a list?")
                .put("temperature", 0).put("max_tokens", 8).put("ignore_eos", true));
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(Api.json(response).path("response").asText().isBlank());
    }

    @Test
    void missingTextIsAValidationError() throws Exception {
        HttpResponse<String> response = Api.post("/generate", Api.object().put("temperature", 0));
        assertEquals(400, response.statusCode());
        assertEquals("text", Api.json(response).path("error").path("param").asText());
    }
}
