package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthIT {

    @BeforeAll
    static void serverReady() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    @Test
    void liveReadyAndStartedAnswerUp() throws Exception {
        for (String probe : new String[] {"live", "ready", "started"}) {
            HttpResponse<String> response = LanternServer.get("/health/" + probe);
            assertEquals(200, response.statusCode(), probe);
            assertEquals("UP", LanternServer.json(response).path("status").asText(), probe);
        }
    }

    @Test
    void readinessChecksTheRealDatabase() throws Exception {
        JsonNode checks = LanternServer.json(LanternServer.get("/health/ready")).path("checks");
        JsonNode database = null;
        for (JsonNode check : checks) {
            if ("database".equals(check.path("name").asText())) {
                database = check;
            }
        }
        assertTrue(database != null, "a database readiness check: " + checks);
        assertEquals("UP", database.path("status").asText());
        assertEquals("PostgreSQL", database.path("data").path("product").asText());
    }

    @Test
    void startupCheckReportsTheMigratedSchema() throws Exception {
        String body = LanternServer.get("/health/started").body();
        assertTrue(body.contains("\"schema\""), body);
    }
}
