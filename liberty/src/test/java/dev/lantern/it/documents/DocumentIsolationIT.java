package dev.lantern.it.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canary: user A's text never reaches user B, by search (with or without naming A's document), by id,
 * by listing or by deletion, until an administrator shares it with everyone; then B finds it, and loses it
 * again when the sharing stops.
 */
class DocumentIsolationIT {

    private static final String CANARY = "The canary phrase is: violet kangaroo juggles seventeen brass lanterns.";

    private static boolean containsCanary(JsonNode results) {
        for (JsonNode result : results) {
            if (result.path("text").asText().contains("violet kangaroo")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void userBNeverRetrievesUserAsTextUnlessAnAdministratorSharesIt() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String[] a = DocumentsApi.newUser("user");
        String[] b = DocumentsApi.newUser("user");
        String id = LanternServer.json(DocumentsApi.upload(a[2], "canary.txt",
                ("Private notes of user A.\n\n" + CANARY).getBytes(StandardCharsets.UTF_8)))
                .path("document_ids").path(0).asText();
        DocumentsApi.upload(b[2], "b-notes.txt", "User B writes about kangaroos and lanterns too."
                .getBytes(StandardCharsets.UTF_8));

        assertTrue(containsCanary(DocumentsApi.search(a[2], "violet kangaroo brass lanterns", 5)));
        assertFalse(containsCanary(DocumentsApi.search(b[2], "violet kangaroo brass lanterns", 50)));
        assertFalse(containsCanary(DocumentsApi.search(b[2], CANARY, 50)));
        JsonNode named = LanternServer.json(DocumentsApi.json("POST", "/v1/documents/search", b[2],
                Map.of("query", CANARY, "top_k", 10, "document_ids", List.of(id)))).path("results");
        assertEquals(0, named.size(), named.toString());
        DocumentsApi.assertError(DocumentsApi.json("GET", "/v1/documents/" + id, b[2], null), 404, "NOT_FOUND");
        DocumentsApi.assertError(DocumentsApi.json("DELETE", "/v1/documents/" + id, b[2], null), 404, "NOT_FOUND");
        assertFalse(DocumentsApi.json("GET", "/v1/documents", b[2], null).body().contains(id));
        DocumentsApi.assertError(DocumentsApi.json("PUT", "/v1/documents/" + id + "/shared", b[2],
                Map.of("shared", true)), 403, "FORBIDDEN");

        String admin = DocumentsApi.adminToken();
        assertEquals(200, DocumentsApi.json("GET", "/v1/documents/" + id, admin, null).statusCode());
        JsonNode shared = LanternServer.json(DocumentsApi.json("PUT", "/v1/documents/" + id + "/shared", admin,
                Map.of("shared", true)));
        assertTrue(shared.path("shared").asBoolean(), shared.toString());
        // a value that is not true or false is refused and changes nothing (JSON-B alone read "yes" as false)
        HttpResponse<String> refused = DocumentsApi.json("PUT", "/v1/documents/" + id + "/shared", admin,
                Map.of("shared", "yes"));
        DocumentsApi.assertError(refused, 400, "VALIDATION_ERROR");
        assertEquals("shared", LanternServer.json(refused).path("error").path("param").asText(), refused.body());
        assertTrue(containsCanary(DocumentsApi.search(b[2], "violet kangaroo brass lanterns", 5)));
        assertEquals(200, DocumentsApi.json("GET", "/v1/documents/" + id, b[2], null).statusCode());
        DocumentsApi.assertError(DocumentsApi.json("DELETE", "/v1/documents/" + id, b[2], null), 404, "NOT_FOUND");

        DocumentsApi.json("PUT", "/v1/documents/" + id + "/shared", admin, Map.of("shared", false));
        assertFalse(containsCanary(DocumentsApi.search(b[2], "violet kangaroo brass lanterns", 50)));
        assertTrue(containsCanary(DocumentsApi.search(a[2], "violet kangaroo brass lanterns", 5)));
    }
}
