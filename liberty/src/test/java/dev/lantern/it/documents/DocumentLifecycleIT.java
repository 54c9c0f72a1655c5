package dev.lantern.it.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Delete removes a document from the database and the index; an administrator can rebuild the index. */
class DocumentLifecycleIT {

    @Test
    void deleteRemovesRowsAndIndexEntries() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String token = DocumentsApi.newUser("user")[2];
        String sentence = "The walnut submarine surfaces beside the amber pier every Thursday.";
        long chunksBefore = DocumentsApi.stored("walnut.txt")[1];
        String id = LanternServer.json(DocumentsApi.upload(token, "walnut.txt",
                sentence.getBytes(StandardCharsets.UTF_8))).path("document_ids").path(0).asText();
        assertEquals(id, DocumentsApi.search(token, sentence, 1).path(0).path("document_id").asText());

        assertEquals(204, DocumentsApi.json("DELETE", "/v1/documents/" + id, token, null).statusCode());
        DocumentsApi.assertError(DocumentsApi.json("GET", "/v1/documents/" + id, token, null), 404, "NOT_FOUND");
        assertArrayEquals(new long[] {0, chunksBefore}, DocumentsApi.stored("walnut.txt"));
        for (JsonNode result : DocumentsApi.search(token, sentence, 10)) {
            assertTrue(!id.equals(result.path("document_id").asText()), "deleted chunk still found: " + result);
        }
    }

    @Test
    void anAdministratorRebuildsTheIndexFromTheDatabase() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String token = DocumentsApi.newUser("user")[2];
        String sentence = "The cedar observatory catalogues moths by lantern light in October.";
        String id = LanternServer.json(DocumentsApi.upload(token, "cedar.txt",
                sentence.getBytes(StandardCharsets.UTF_8))).path("document_ids").path(0).asText();
        DocumentsApi.assertError(DocumentsApi.json("POST", "/admin/documents/reindex", token, null), 403,
                "FORBIDDEN");

        String admin = DocumentsApi.adminToken();
        HttpResponse<String> started = DocumentsApi.json("POST", "/admin/documents/reindex", admin, null);
        assertEquals(202, started.statusCode(), started.body());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode status;
        do {
            Thread.sleep(300);
            status = LanternServer.json(DocumentsApi.json("GET", "/admin/documents/reindex", admin, null));
        } while ("running".equals(status.path("state").asText()) && Instant.now().isBefore(deadline));
        assertEquals("done", status.path("state").asText(), status.toString());
        assertTrue(status.path("chunks").asLong() >= 1);
        assertEquals(id, DocumentsApi.search(token, sentence, 1).path(0).path("document_id").asText());
    }
}
