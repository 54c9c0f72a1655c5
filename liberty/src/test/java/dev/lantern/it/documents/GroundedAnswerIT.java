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

/** Chat and completions with {@code rag} cite the document that holds the answer, and only the caller's. */
class GroundedAnswerIT {

    @Test
    void chatWithRagCitesTheRightDocumentAndNeverAnotherUsers() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String[] user = DocumentsApi.newUser("user");
        String[] other = DocumentsApi.newUser("user");
        String right = LanternServer.json(DocumentsApi.upload(user[2], "ferries.txt",
                ("Harbour timetable.\n\nThe night ferry to Pellucid Island leaves from pier nine at 23:40.")
                        .getBytes(StandardCharsets.UTF_8))).path("document_ids").path(0).asText();
        DocumentsApi.upload(user[2], "bakery.txt", "The village bakery sells rye bread on Tuesdays."
                .getBytes(StandardCharsets.UTF_8));
        DocumentsApi.upload(other[2], "secret-ferries.txt", ("Secret: the night ferry to Pellucid Island is "
                + "cancelled, says the canary of user B.").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = DocumentsApi.json("POST", "/v1/chat/completions", user[2], Map.of(
                "messages", List.of(Map.of("role", "user", "content",
                        "When does the night ferry to Pellucid Island leave?")),
                "max_tokens", 40, "temperature", 0,
                "rag", Map.of("enabled", true, "top_k", 2)));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = LanternServer.json(answer);
        JsonNode citations = body.path("citations");
        assertTrue(citations.size() >= 1 && citations.size() <= 2, body.toString());
        assertEquals(1, citations.path(0).path("index").asInt());
        assertEquals(right, citations.path(0).path("document_id").asText(), citations.toString());
        assertEquals("ferries.txt", citations.path(0).path("filename").asText());
        assertTrue(citations.path(0).path("text").asText().contains("pier nine"));
        assertFalse(citations.toString().contains("canary"), "another user's passage was cited: " + citations);
        assertFalse(body.path("choices").path(0).path("message").path("content").asText().isEmpty());
        int groundedPrompt = body.path("usage").path("prompt_tokens").asInt();

        HttpResponse<String> plain = DocumentsApi.json("POST", "/v1/chat/completions", user[2], Map.of(
                "messages", List.of(Map.of("role", "user", "content",
                        "When does the night ferry to Pellucid Island leave?")), "max_tokens", 5));
        JsonNode plainBody = LanternServer.json(plain);
        assertTrue(plainBody.path("citations").isMissingNode(), plain.body());
        assertTrue(groundedPrompt > plainBody.path("usage").path("prompt_tokens").asInt() + 20,
                "the passages are in the prompt");
    }

    @Test
    void completionsWithRagNamedDocumentsCiteOnlyThose() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String[] user = DocumentsApi.newUser("user");
        String first = LanternServer.json(DocumentsApi.upload(user[2], "moths.txt",
                "The cedar observatory catalogues moths by lantern light.".getBytes(StandardCharsets.UTF_8)))
                .path("document_ids").path(0).asText();
        String second = LanternServer.json(DocumentsApi.upload(user[2], "comets.txt",
                "The observatory's brass telescope tracks comets.".getBytes(StandardCharsets.UTF_8)))
                .path("document_ids").path(0).asText();
        HttpResponse<String> answer = DocumentsApi.json("POST", "/v1/completions", user[2], Map.of(
                "prompt", "What does the observatory catalogue?", "max_tokens", 20,
                "rag", Map.of("enabled", true, "document_ids", List.of(second))));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode citations = LanternServer.json(answer).path("citations");
        assertEquals(1, citations.size(), citations.toString());
        assertEquals(second, citations.path(0).path("document_id").asText());
        assertFalse(citations.toString().contains(first));
    }
}
