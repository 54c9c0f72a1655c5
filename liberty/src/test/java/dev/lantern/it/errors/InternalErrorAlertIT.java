package dev.lantern.it.errors;

import static dev.lantern.it.errors.ErrorBodies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lantern.it.LanternServer;
import dev.lantern.it.auth.AuthClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A real internal failure (the users table vanishes under the running server) answered as INTERNAL_ERROR
 * without internals, counted per endpoint, and, at the IT server's threshold of 3 within 5 minutes, the
 * alert: one SEVERE line, the readiness data "degraded", and the webhook called.
 */
class InternalErrorAlertIT {

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("lantern.it.db.url"),
                System.getProperty("lantern.it.db.user"), System.getProperty("lantern.it.db.password"));
    }

    private static JsonNode alertCheck() throws Exception {
        for (JsonNode check : LanternServer.json(LanternServer.get("/health/ready")).path("checks")) {
            if ("error-alerts".equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no error-alerts readiness check");
    }

    @Test
    void internalErrorsAreAnsweredCleanlyCountedAndAlerted() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String admin = AuthClient.adminToken();
        assertEquals("ok", alertCheck().path("data").path("state").asText(),
                "no internal error happened before this test: " + alertCheck());

        List<String> alerts = new CopyOnWriteArrayList<>();
        int port = Integer.getInteger("lantern.it.webhook.port", 9189);
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        webhook.createContext("/alert", exchange -> {
            alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        try (Connection connection = database(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE app_user RENAME TO app_user_gone");
            try {
                for (int i = 0; i < 3; i++) {
                    assertError(AuthClient.post("/login", null,
                            Map.of("email", "nobody" + i + "@example.com", "password", "whatever-" + i)),
                            500, "INTERNAL_ERROR");
                }
            } finally {
                sql.execute("ALTER TABLE app_user_gone RENAME TO app_user");
            }
            Instant deadline = Instant.now().plusSeconds(10);
            while (alerts.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } finally {
            webhook.stop(0);
        }

        assertEquals(1, alerts.size(), "the webhook was called once: " + alerts);
        JsonNode notice = LanternServer.JSON.readTree(alerts.get(0));
        assertEquals("lantern_internal_errors", notice.path("alert").asText());
        assertEquals(3, notice.path("threshold").asInt());
        assertEquals("degraded", alertCheck().path("data").path("state").asText());
        String log = Files.readString(LanternServer.messagesLog());
        assertTrue(log.contains("ALERT: 3 internal errors within PT5M"), "a SEVERE alert line");
        assertTrue(log.contains("Internal error, request req_"), "logged with the request id");

        // the statistics are written every two seconds: the last error may not be yet
        JsonNode stats = LanternServer.JSON.readTree(AuthClient.get("/stats/errors", admin).body());
        for (Instant until = Instant.now().plusSeconds(5);
                stats.path("error_types").path("INTERNAL_ERROR").asLong() < 3 && Instant.now().isBefore(until); ) {
            Thread.sleep(250);
            stats = LanternServer.JSON.readTree(AuthClient.get("/stats/errors", admin).body());
        }
        assertTrue(stats.path("error_types").path("INTERNAL_ERROR").asLong() >= 3, stats.toString());
        assertTrue(stats.path("by_endpoint").path("POST /login").path("INTERNAL_ERROR").asLong() >= 3,
                stats.toString());
        assertEquals(200, AuthClient.login(LanternServer.generatedAdministrator()[0],
                LanternServer.generatedAdministrator()[1]).statusCode(), "the server recovers with the table");
    }
}
