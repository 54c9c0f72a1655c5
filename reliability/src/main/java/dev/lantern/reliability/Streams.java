package dev.lantern.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The shutdown fault's client: opens {@code count} long streamed chat completions, writes {@code <started file>}
 * once every stream has its first event (the script then sends SIGTERM to the server), and reads each to its end.
 * Each must end with {@code [DONE]} or with an error event, and every {@code data:} line must be whole JSON: a
 * stream cut off mid-event or without either ending is a violation (exit status 1).
 *
 * <p>Usage: {@code Streams <base url> <admin email> <admin password> <count> <started file>}
 */
public final class Streams {

    public static void main(String[] args) throws Exception {
        Client client = new Client(args[0]);
        int count = Integer.parseInt(args[3]);
        Path started = Path.of(args[4]);
        client.awaitReady(Duration.ofMinutes(5));
        String token = client.login(args[1], args[2]);
        CountDownLatch first = new CountDownLatch(count);
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            Thread thread = new Thread(() -> results.add(id + ": " + read(client, token, id, first)));
            thread.start();
            threads.add(thread);
        }
        first.await();
        Files.writeString(started, "started\n");
        for (Thread thread : threads) {
            thread.join();
        }
        long bad = results.stream().filter(r -> r.contains("VIOLATION")).count();
        results.stream().sorted().forEach(r -> System.out.println("stream " + r));
        System.out.println("streams: " + count + ", violations " + bad);
        System.exit(bad == 0 ? 0 : 1);
    }

    static String read(Client client, String token, int id, CountDownLatch first) {
        boolean counted = false;
        int events = 0;
        boolean done = false;
        String error = null;
        String invalid = null;
        try {
            String body = JsonMutator.write(Map.of("messages", List.of(Map.of("role", "user", "content",
                    "Stream " + id + ": tell me everything about Lantern.")), "max_tokens", 900, "ignore_eos", true,
                    "temperature", 0.8, "stream", true));
            HttpResponse<InputStream> response = client.stream("/v1/chat/completions", token, body);
            if (response.statusCode() != 200) {
                first.countDown();
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                return "status " + response.statusCode() + " " + text;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.startsWith("data: ")) {
                        continue;
                    }
                    if (!counted) {
                        first.countDown();
                        counted = true;
                    }
                    String payload = line.substring(6);
                    if (payload.equals("[DONE]")) {
                        done = true;
                        continue;
                    }
                    events++;
                    try {
                        JsonMutator.parse(payload);
                    } catch (RuntimeException e) {
                        invalid = payload;
                    }
                    if (payload.startsWith("{\"error\"")) {
                        error = payload;
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            if (!counted) {
                first.countDown();
            }
            return (done || error != null ? "" : "VIOLATION ") + events + " events, then " + e;
        }
        if (!counted) {
            first.countDown();
        }
        if (invalid != null) {
            return "VIOLATION truncated JSON event after " + events + " events: " + invalid;
        }
        if (done) {
            return "completed, " + events + " events, [DONE]";
        }
        if (error != null) {
            return "ended with an error event after " + events + " events: " + error;
        }
        return "VIOLATION ended after " + events + " events without [DONE] or an error event";
    }
}
