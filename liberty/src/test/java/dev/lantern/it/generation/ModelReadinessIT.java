package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Restarting the application reloads the models in the background: readiness is false while the default
 * model loads (its "models" check says LOADING) and requests for it answer 503 MODEL_NOT_READY, then true.
 */
class ModelReadinessIT {

    @Test
    void readinessWaitsForTheDefaultModelAndRequestsMeanwhileAre503() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        Path war = LanternServer.serverDir().resolve("apps/lantern.war");
        int restartsBefore = restarts();
        Files.setLastModifiedTime(war, FileTime.from(Instant.now()));

        boolean readyAfter = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline) && !readyAfter) {
            HttpResponse<String> ready = LanternServer.get("/health/ready");
            String state = modelState(ready.body());
            if ("LOADING".equals(state)) {
                assertEquals(503, ready.statusCode(), "not ready while the default model loads");
                HttpResponse<String> chat = Api.post("/v1/chat/completions", Api.chat("Hi").put("max_tokens", 2));
                if (chat.statusCode() == 503) {
                    assertEquals("MODEL_NOT_READY", Api.json(chat).path("error").path("code").asText());
                    assertTrue(chat.headers().firstValue("Retry-After").isPresent());
                }
            } else if ("READY".equals(state) && restarts() > restartsBefore) {
                readyAfter = ready.statusCode() == 200;
            }
            Thread.sleep(20);
        }
        // The model may finish loading before the restarted application answers its first health check (on a
        // quiet machine it often does), so LOADING is not always seen: what is seen then is checked above.
        assertTrue(readyAfter, "ready again once the restarted application loaded the model");
    }

    /** How many times the application was restarted so far (CWWKZ0003I in messages.log). */
    private static int restarts() throws java.io.IOException {
        return Files.readString(LanternServer.messagesLog()).split("CWWKZ0003I", -1).length - 1;
    }

    private static String modelState(String body) {
        try {
            for (JsonNode check : LanternServer.JSON.readTree(body).path("checks")) {
                if ("models".equals(check.path("name").asText())) {
                    return check.path("data").path("docs-llama-8m").asText();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
