package dev.lantern.it.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;

/** Assertions every error response must pass: status, catalogue body, request id, nothing internal. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static JsonNode assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON error body");
        String requestId = response.headers().firstValue("Lantern-Request-Id").orElse("");
        assertFalse(requestId.isBlank(), "Lantern-Request-Id header");
        JsonNode error = LanternServer.json(response).path("error");
        assertEquals(code, error.path("code").asText(), response.body());
        assertEquals(requestId, error.path("request_id").asText(), "the same id in body and header");
        assertFalse(error.path("message").asText().isBlank(), "a message for people");
        assertTrue(error.has("type") && error.has("param"), "OpenAI-shaped: type and param present");
        assertNoInternals(response.body());
        return error;
    }

    public static void assertNoInternals(String body) {
        for (String leak : new String[] {"Exception", "\tat ", "at java.", "at org.", "at dev.lantern",
                "org.hibernate", "jakarta.", "SQL", "Caused by"}) {
            assertFalse(body.contains(leak), "internal detail '" + leak + "' leaked: " + body);
        }
    }
}
