package dev.lantern.it.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every supported type uploads through the real server and its known sentence is then found by search. */
class DocumentUploadIT {

    private static String[] user;

    @BeforeAll
    static void awaitServer() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        user = DocumentsApi.newUser("user");
    }

    @Test
    void everyFixtureTypeIsFoundBySearchWithItsMetadata() throws Exception {
        for (Map.Entry<String, String> fixture : Fixtures.SENTENCES.entrySet()) {
            String extension = fixture.getKey();
            String filename = "fixture." + extension;
            HttpResponse<String> uploaded = DocumentsApi.upload(user[2], filename, Fixtures.fixture(extension));
            assertEquals(200, uploaded.statusCode(), extension + ": " + uploaded.body());
            JsonNode body = LanternServer.json(uploaded);
            String id = body.path("document_ids").path(0).asText();
            JsonNode document = body.path("documents").path(0);
            assertEquals("ready", document.path("status").asText(), extension);
            assertEquals(extension, document.path("file_type").asText());
            assertEquals(64, document.path("content_hash").asText().length());
            assertTrue(document.path("chunks").asInt() >= 1, extension);

            JsonNode results = DocumentsApi.search(user[2], fixture.getValue(), 3);
            JsonNode top = results.path(0);
            assertEquals(id, top.path("document_id").asText(), extension + " top result: " + results);
            assertEquals(filename, top.path("filename").asText());
            assertTrue(top.path("text").asText().contains(fixture.getValue()), extension + ": " + top);
            assertTrue(top.path("score").asDouble() > 0);
        }
    }

    @Test
    void pagesAndSectionsAreKeptOnChunks() throws Exception {
        String[] owner = DocumentsApi.newUser("user");
        DocumentsApi.upload(owner[2], "fixture.pdf", Fixtures.fixture("pdf"));
        JsonNode pdf = DocumentsApi.search(owner[2], Fixtures.SENTENCES.get("pdf"), 1).path(0);
        assertTrue(pdf.path("page").asInt() >= 1, pdf.toString());
        DocumentsApi.upload(owner[2], "fixture.md", Fixtures.fixture("md"));
        JsonNode md = DocumentsApi.search(owner[2], Fixtures.SENTENCES.get("md"), 1).path(0);
        assertEquals("fixture.md", md.path("filename").asText());
    }

    @Test
    void theSameBytesTwiceAreRecognisedAndTheTutorialPathWorks() throws Exception {
        String[] owner = DocumentsApi.newUser("user");
        HttpResponse<String> first = DocumentsApi.upload("/upload", owner[2], "notes.txt", Fixtures.fixture("txt"));
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> second = DocumentsApi.upload(owner[2], "renamed.txt", Fixtures.fixture("txt"));
        assertEquals(200, second.statusCode(), second.body());
        String id = LanternServer.json(first).path("document_ids").path(0).asText();
        assertEquals(id, LanternServer.json(second).path("document_ids").path(0).asText());
        assertTrue(LanternServer.json(second).path("message").asText().contains("already"));
        assertEquals(1, DocumentsApi.stored("renamed.txt")[0] + DocumentsApi.stored("notes.txt")[0]);

        JsonNode list = LanternServer.json(DocumentsApi.json("GET", "/v1/documents", owner[2], null));
        assertEquals(1, list.path("data").size(), list.toString());
        JsonNode got = LanternServer.json(DocumentsApi.json("GET", "/v1/documents/" + id, owner[2], null));
        assertEquals("ready", got.path("status").asText());
        assertEquals(100, got.path("progress").asInt());
        assertFalse(got.path("uploaded_at").asText().isEmpty());
    }

    @Test
    void aLargeUploadIsAcceptedAtOnceAndProcessedInTheBackground() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 400_000; i++) {
            text.append("Paragraph ").append(i).append(" describes ordinary harbour logistics, cranes, berths and "
                    + "the weather on the quay for the night shift.\n\n");
        }
        text.append("The tangerine albatross nests only on the lighthouse of Corvo Rock.\n");
        // Its own user: the large log must not compete with the fixtures in everyFixtureTypeIsFound…'s searches.
        String[] user = DocumentsApi.newUser("user");
        HttpResponse<String> accepted = DocumentsApi.upload(user[2], "large-log.txt",
                text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = LanternServer.json(accepted).path("document_ids").path(0).asText();
        assertEquals("processing", LanternServer.json(accepted).path("documents").path(0).path("status").asText());
        JsonNode done = DocumentsApi.awaitProcessed(user[2], id, Duration.ofMinutes(8));
        assertEquals("ready", done.path("status").asText(), done.toString());
        assertEquals(100, done.path("progress").asInt());
        assertTrue(done.path("chunks").asInt() > 100, done.toString());
        JsonNode top = DocumentsApi.search(user[2], "Where does the tangerine albatross nest?", 3).path(0);
        assertEquals(id, top.path("document_id").asText(), top.toString());
    }
}
