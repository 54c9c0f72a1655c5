package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /stats/errors} with an administrator's token: {@code total_errors} and {@code error_types},
 * and the counts survive a restart of the server (they are persisted), as does the access token (its
 * signing key is in the database).
 */
class ErrorStatisticsRestartIT {

    @Test
    void countsSurviveARestart() throws Exception {
        String admin = AuthClient.adminToken();
        for (int i = 0; i < 3; i++) {
            AuthClient.assertError(AuthClient.get("/stats/errors", null), 401, "UNAUTHORIZED");
            AuthClient.assertError(AuthClient.get("/no-such-endpoint-" + i, null), 404, "NOT_FOUND");
        }
        JsonNode before = statistics(admin);
        long total = before.path("total_errors").asLong();
        long unauthorized = before.path("error_types").path("UNAUTHORIZED").asLong();
        assertTrue(total >= 6, before.toString());
        assertTrue(unauthorized >= 3, before.toString());
        assertTrue(before.path("error_types").path("NOT_FOUND").asLong() >= 3, before.toString());

        ServerControl.restart();

        JsonNode after = statistics(admin);
        assertTrue(after.path("total_errors").asLong() >= total, "before " + before + ", after " + after);
        assertEquals(unauthorized, after.path("error_types").path("UNAUTHORIZED").asLong(), after.toString());
    }

    private static JsonNode statistics(String token) throws Exception {
        HttpResponse<String> response = AuthClient.get("/stats/errors", token);
        assertEquals(200, response.statusCode(), response.body());
        return LanternServer.json(response);
    }
}
