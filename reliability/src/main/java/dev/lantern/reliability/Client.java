package dev.lantern.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the suite's drivers (plain JDK): JSON posts with a bearer token, uploads, logins. */
public final class Client {

    public final String base;
    private final HttpClient http;

    public Client(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A response's status, body, and how long it took. */
    public record Answer(int status, String body, long nanos) {
        /** The catalogue error code of an error body, or null. */
        public String code() {
            int at = body.indexOf("\"code\"");
            if (at < 0) {
                return null;
            }
            int open = body.indexOf('"', body.indexOf(':', at) + 1);
            int close = body.indexOf('"', open + 1);
            return open < 0 || close < 0 ? null : body.substring(open + 1, close);
        }

        @SuppressWarnings("unchecked")
        public Object json(String... path) {
            Object node = JsonMutator.parse(body);
            for (String key : path) {
                if (node instanceof Map<?, ?> map) {
                    node = ((Map<String, Object>) map).get(key);
                } else if (node instanceof java.util.List<?> list) {
                    node = list.get(Integer.parseInt(key));
                } else {
                    return null;
                }
            }
            return node;
        }
    }

    public Answer send(String method, String path, String token, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(180))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    public Answer post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, json, Map.of());
    }

    public Answer get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, Map.of());
    }

    /** The streamed answer's raw text (every line), read to its end. */
    public HttpResponse<InputStream> stream(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    public Answer upload(String token, String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "rel-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/documents")).timeout(Duration.ofSeconds(180))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    /** Logs in; the access token. */
    public String login(String email, String password) throws IOException, InterruptedException {
        Answer answer = post("/login", null, JsonMutator.write(Map.of("email", email, "password", password)));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.status() + " " + answer.body());
        }
        return (String) answer.json("access_token");
    }

    /** Waits until /health/ready answers 200. */
    public void awaitReady(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (get("/health/ready", null).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(base + " not ready within " + limit);
    }

    /** Sum of every sample of a Prometheus metric whose line holds {@code label}. */
    public double metric(String name, String label) throws IOException, InterruptedException {
        return get("/metrics", null).body().lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
