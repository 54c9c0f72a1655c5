package dev.lantern.it.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The generation endpoints as a test client sees them: JSON posts with the test user's bearer token, SSE. */
final class Api {

    private Api() {
    }

    static ObjectNode object() {
        return LanternServer.JSON.createObjectNode();
    }

    static ObjectNode chat(String question) {
        ObjectNode body = object();
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        return body;
    }

    /** A request that skips the response cache's lookup, so that the model really generates. */
    static HttpRequest.Builder request(String path) {
        return cacheable(path).header("Cache-Control", "no-cache");
    }

    /** A request that may be answered from the response cache. */
    static HttpRequest.Builder cacheable(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + path))
                .timeout(Duration.ofSeconds(60));
        String token = TestUsers.userToken();
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : LanternServer.JSON.writeValueAsString(body);
        return LanternServer.client().send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return LanternServer.client().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return LanternServer.JSON.readTree(response.body());
    }

    /** A stream's events: the JSON of each {@code data:} line, and whether it ended with {@code [DONE]}. */
    record Events(int status, String contentType, List<JsonNode> data, boolean done, List<String> rawLines) {
        String text(String field) {
            StringBuilder out = new StringBuilder();
            for (JsonNode event : data) {
                for (JsonNode choice : event.path("choices")) {
                    JsonNode piece = field.equals("content") ? choice.path("delta").path("content") : choice.path(field);
                    out.append(piece.isTextual() ? piece.asText() : "");
                }
            }
            return out.toString();
        }
    }

    static Events stream(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = LanternServer.client().send(request(path)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<JsonNode> data = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean done = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String payload = line.substring("data: ".length());
                if (payload.equals("[DONE]")) {
                    done = true;
                } else {
                    data.add(LanternServer.JSON.readTree(payload));
                }
            }
        }
        return new Events(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), data, done,
                lines);
    }
}
