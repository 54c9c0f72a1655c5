package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response cache through the real server and Redis (the IT server sets LANTERN_REDIS_URL and turns the
 * semantic cache on). Redis outlives test runs: each run's requests carry a seed of their own, so that no
 * entry of an earlier run can answer them.
 */
class ResponseCacheIT {

    private static final long RUN = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static ObjectNode chat(String question, int maxTokens) {
        return Api.chat(question).put("temperature", 0).put("seed", RUN).put("max_tokens", maxTokens);
    }

    static HttpResponse<String> post(String path, ObjectNode body) throws Exception {
        return post(path, body, TestUsers.userToken());
    }

    static HttpResponse<String> post(String path, ObjectNode body, String token) throws Exception {
        HttpResponse<String> response = LanternServer.client().send(Api.cacheable(path)
                .setHeader("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static String cache(HttpResponse<?> response) {
        return response.headers().firstValue("Lantern-Cache").orElse("(none)");
    }

    private static JsonNode withoutIdentity(HttpResponse<String> response) throws Exception {
        ObjectNode body = (ObjectNode) Api.json(response);
        body.remove("id");
        body.remove("created");
        return body;
    }

    @Test
    void aRepeatedRequestIsAHitWithTheSameBody() throws Exception {
        ObjectNode body = chat("What is a tuple?", 16);
        HttpResponse<String> first = post("/v1/chat/completions", body);
        assertEquals("miss", cache(first));
        HttpResponse<String> second = post("/v1/chat/completions", body);
        assertEquals("hit", cache(second));
        assertEquals(withoutIdentity(first), withoutIdentity(second));
        assertNotEquals(Api.json(first).path("id"), Api.json(second).path("id"), "each answer has its own id");
    }

    @Test
    void anotherParameterMisses() throws Exception {
        post("/v1/chat/completions", chat("What is a set?", 16));
        assertEquals("miss", cache(post("/v1/chat/completions", chat("What is a set?", 17))));
        assertEquals("miss", cache(post("/v1/chat/completions", chat("What is a set?", 16).put("top_k", 5))));
        assertEquals("hit", cache(post("/v1/chat/completions", chat("What is a set?", 16))));
    }

    @Test
    void onlyDeterministicRequestsAreCached() throws Exception {
        ObjectNode sampled = Api.chat("What is a dict?").put("temperature", 0.9).put("max_tokens", 8);
        assertEquals("miss", cache(post("/v1/chat/completions", sampled)));
        assertEquals("miss", cache(post("/v1/chat/completions", sampled)), "sampling without a seed");
    }

    @Test
    void aStreamIsServedFromTheCache() throws Exception {
        ObjectNode body = chat("What is a frozenset?", 20);
        String answer = Api.json(post("/v1/chat/completions", body)).path("choices").get(0).path("message")
                .path("content").asText();
        body.put("stream", true).putObject("stream_options").put("include_usage", true);
        HttpResponse<String> stream = post("/v1/chat/completions", body);
        assertEquals("hit", cache(stream));
        assertTrue(stream.body().endsWith("data: [DONE]\n\n"), stream.body());
        StringBuilder text = new StringBuilder();
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data: {")) {
                for (JsonNode choice : LanternServer.JSON.readTree(line.substring(6)).path("choices")) {
                    text.append(choice.path("delta").path("content").asText(""));
                }
            }
        }
        assertEquals(answer, text.toString());
        assertTrue(stream.body().contains("\"usage\""));
    }

    @Test
    void completionsAndGenerateAreCachedToo() throws Exception {
        ObjectNode completion = Api.object().put("prompt", "The kernel").put("max_tokens", 6).put("temperature", 0)
                .put("seed", RUN);
        assertEquals("miss", cache(post("/v1/completions", completion)));
        assertEquals("hit", cache(post("/v1/completions", completion)));
        ObjectNode generate = Api.object().put("text", "What is a queue?").put("temperature", 0).put("seed", RUN)
                .put("max_tokens", 6);
        String first = post("/generate", generate).body();
        HttpResponse<String> second = post("/generate", generate);
        assertEquals("hit", cache(second));
        assertEquals(first, second.body());
    }

    @Test
    void noCacheSkipsTheLookup() throws Exception {
        ObjectNode body = chat("What is a deque?", 8);
        post("/v1/chat/completions", body);
        HttpResponse<String> fresh = Api.post("/v1/chat/completions", body); // Cache-Control: no-cache
        assertEquals("miss", cache(fresh));
    }

    @Test
    void aSimilarQuestionIsASemanticHit() throws Exception {
        ObjectNode first = chat("How do I sort a list in Python?", 16);
        HttpResponse<String> original = post("/v1/chat/completions", first);
        assertEquals("miss", cache(original));
        HttpResponse<String> similar = post("/v1/chat/completions", chat("How can I sort a list in Python?", 16));
        assertEquals("semantic-hit", cache(similar));
        assertEquals(Api.json(original).path("choices"), Api.json(similar).path("choices"));
        assertEquals("miss", cache(post("/v1/chat/completions", chat("What does the kernel scheduler do?", 16))),
                "an unrelated question is not similar enough");
    }

    @Test
    void hitsAndMissesAreCounted() throws Exception {
        double hits = Metrics.sum("lantern_cache_requests_total", "result=\"hit\"");
        ObjectNode body = chat("What is a heap?", 8);
        post("/v1/chat/completions", body);
        post("/v1/chat/completions", body);
        assertTrue(Metrics.sum("lantern_cache_requests_total", "result=\"hit\"") >= hits + 1);
        assertTrue(Metrics.sum("lantern_cache_requests_total", "result=\"miss\"") > 0);
    }

    @Test
    void anotherUserNeverGetsTheFirstUsersAnswer() throws Exception {
        String alice = TestUsers.newUserToken("user");
        String bob = TestUsers.newUserToken("user");
        ObjectNode body = chat("What is a linked list?", 8);
        assertEquals("miss", cache(post("/v1/chat/completions", body, alice)));
        assertEquals("hit", cache(post("/v1/chat/completions", body, alice)));
        assertEquals("miss", cache(post("/v1/chat/completions", body, bob)), "scoped per user");
        String dave = TestUsers.newUserToken("user");
        assertEquals("miss", cache(post("/v1/chat/completions", chat("What is a linked list ?", 8), dave)),
                "not even a semantic hit across users");
    }

    @Test
    void aDocumentUploadInvalidatesTheUsersAnswers() throws Exception {
        String carol = TestUsers.newUserToken("user");
        ObjectNode body = chat("What is a binary tree?", 8);
        post("/v1/chat/completions", body, carol);
        assertEquals("hit", cache(post("/v1/chat/completions", body, carol)));
        String boundary = "lantern-it-" + RUN;
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\nBinary trees keep keys in order. " + RUN + "\r\n--" + boundary
                + "--\r\n";
        HttpResponse<String> upload = LanternServer.client().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(LanternServer.baseUrl() + "/v1/documents")).header("Authorization", "Bearer " + carol)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(upload.statusCode() == 200 || upload.statusCode() == 202, upload.body());
        String after = "(none)";
        for (int i = 0; i < 100 && !"miss".equals(after); i++) { // a large upload is processed in the background
            after = cache(post("/v1/chat/completions", body, carol));
            Thread.sleep(100);
        }
        assertEquals("miss", after, "the upload dropped the user's cached answers");
    }
}
