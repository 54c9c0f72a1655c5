package dev.lantern.it.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The documents tests' client: users (made by the generated administrator) and their tokens, multipart
 * uploads, searches, and direct database counts to prove that a refused upload stored nothing.
 */
final class DocumentsApi {

    static final String PASSWORD = "Lantern-docs-Passw0rd!";
    private static String adminToken;

    private DocumentsApi() {
    }

    /** A user of the given role: {subject id, email, access token}. */
    static String[] newUser(String role) throws Exception {
        String email = "docs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = json("POST", "/admin/users", adminToken(),
                Map.of("email", email, "password", PASSWORD, "roles", List.of(role)));
        assertEquals(201, created.statusCode(), created.body());
        return new String[] {LanternServer.json(created).path("id").asText(), email, login(email, PASSWORD)};
    }

    static synchronized String adminToken() throws Exception {
        if (adminToken == null) {
            String[] admin = LanternServer.generatedAdministrator();
            adminToken = login(admin[0], admin[1]);
        }
        return adminToken;
    }

    static String login(String email, String password) throws Exception {
        HttpResponse<String> response = json("POST", "/login", null, Map.of("email", email, "password", password));
        assertEquals(200, response.statusCode(), response.body());
        return LanternServer.json(response).path("access_token").asText();
    }

    static HttpResponse<String> json(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + path))
                .timeout(Duration.ofSeconds(120)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(body)));
        }
        return LanternServer.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String token, String filename, byte[] content) throws Exception {
        return upload("/v1/documents", token, filename, content);
    }

    static HttpResponse<String> upload(String path, String token, String filename, byte[] content) throws Exception {
        return uploadFiles(path, token, List.of(filename), content);
    }

    /** A multipart body with one part named "file" per file name, each holding {@code content}. */
    static HttpResponse<String> uploadFiles(String path, String token, List<String> filenames, byte[] content)
            throws Exception {
        String boundary = "lantern-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String filename : filenames) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + path))
                .timeout(Duration.ofSeconds(180)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return LanternServer.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode search(String token, String query, int topK) throws Exception {
        HttpResponse<String> response = json("POST", "/v1/documents/search", token,
                Map.of("query", query, "top_k", topK));
        assertEquals(200, response.statusCode(), response.body());
        return LanternServer.json(response).path("results");
    }

    /** Polls the document until it is no longer processing; returns its last state. */
    static JsonNode awaitProcessed(String token, String id, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode document;
        do {
            HttpResponse<String> response = json("GET", "/v1/documents/" + id, token, null);
            assertEquals(200, response.statusCode(), response.body());
            document = LanternServer.json(response);
            if (!"processing".equals(document.path("status").asText())) {
                return document;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("document " + id + " still processing after " + limit + ": " + document);
    }

    /** Rows in the database: documents with this file name, and all chunks. */
    static long[] stored(String filename) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("lantern.it.db.url"),
                System.getProperty("lantern.it.db.user"), System.getProperty("lantern.it.db.password"))) {
            return new long[] {count(db, "SELECT COUNT(*) FROM document WHERE filename = ?", filename),
                    count(db, "SELECT COUNT(*) FROM document_chunk", null)};
        }
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, LanternServer.json(response).path("error").path("code").asText(), response.body());
    }
}
