package dev.lantern.reliability;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load of the reliability suite: {@code clients} concurrent clients for {@code seconds}, each picking (seeded)
 * among chat completions (whole and streamed), completions, embeddings, searches, uploads, logins and cache hits
 * (a deterministic chat asked again), as users of their own. Records every answer's status and code and the
 * latency per kind, samples the server's RSS ({@code /proc/<pid>/status}) every five seconds, and prints one
 * summary: any 5xx other than 503 {@code OVERLOADED}/{@code MODEL_NOT_READY}, any {@code INTERNAL_ERROR}
 * (streams included) or a truncated stream is a violation (exit status 1).
 *
 * <p>Usage: {@code Load <base url> <admin email> <admin password> <clients> <seconds> <server pid> [rss csv]}
 */
public final class Load {

    static final Set<String> ALLOWED_5XX = Set.of("OVERLOADED", "MODEL_NOT_READY");
    static final String[] KINDS = {"chat", "chat-stream", "completion", "embedding", "search", "upload", "login",
            "cache-hit", "models"};
    static final int[] WEIGHTS = {14, 14, 10, 14, 14, 6, 2, 16, 10};

    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final Map<String, Map<String, Integer>> outcomes = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        System.exit(new Load().run(args) ? 0 : 1);
    }

    boolean run(String[] args) throws Exception {
        Client client = new Client(args[0]);
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long pid = Long.parseLong(args[5]);
        Path rssCsv = args.length > 6 ? Path.of(args[6]) : null;
        client.awaitReady(Duration.ofMinutes(5));
        String admin = client.login(args[1], args[2]);
        int users = Math.max(1, clients / 8);
        List<String[]> accounts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String email = "load-" + i + "-" + System.nanoTime() + "@lantern.test";
            String password = "Load-Passw0rd-" + i + "-xyz";
            Client.Answer created = client.post("/admin/users", admin, JsonMutator.write(Map.of("email", email,
                    "password", password, "roles", List.of("user"))));
            if (created.status() != 201 && created.status() != 200) {
                throw new IllegalStateException("cannot create a user: " + created.status() + " " + created.body());
            }
            accounts.add(new String[] {email, password, client.login(email, password)});
        }
        // Something to search in.
        client.upload(accounts.get(0)[2], "load-seed.txt", ("Lantern serves language models on Open Liberty. "
                .repeat(50)).getBytes(StandardCharsets.UTF_8));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String[] account = accounts.get(c % accounts.size());
            int id = c;
            Thread thread = new Thread(() -> loop(client, account, id, end), "load-" + c);
            thread.start();
            threads.add(thread);
        }
        List<String> rss = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            long start = System.nanoTime();
            while (running.get()) {
                rss.add((System.nanoTime() - start) / 1_000_000_000L + "," + rssKb(pid));
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        for (Thread t : threads) {
            t.join();
        }
        running.set(false);
        sampler.interrupt();
        rss.add(seconds + "," + rssKb(pid));
        if (rssCsv != null) {
            Files.write(rssCsv, rss);
        }
        return report(client, clients, seconds, rss);
    }

    void loop(Client client, String[] account, int id, long end) {
        Random random = new Random(22L * 1_000_003 + id);
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int n = 0;
        while (System.nanoTime() < end) {
            int pick = random.nextInt(total);
            int k = 0;
            while (pick >= WEIGHTS[k]) {
                pick -= WEIGHTS[k++];
            }
            String kind = KINDS[k];
            try {
                call(client, account, kind, id, n++, random);
            } catch (Exception e) {
                record(kind, "exception " + e.getClass().getSimpleName(), 0);
                violations.add(kind + ": " + e);
            }
        }
    }

    void call(Client client, String[] account, String kind, int id, int n, Random random) throws Exception {
        String token = account[2];
        Map<String, String> noStore = Map.of("Cache-Control", "no-store");
        Client.Answer answer = switch (kind) {
            case "chat" -> client.send("POST", "/v1/chat/completions", token, chat("Client " + id + " asks question "
                    + n + ": what is Lantern?", 0.8, false), noStore);
            case "chat-stream" -> {
                streamed(client, token, chat("Client " + id + " streams question " + n + ": how do I upload?", 0.8, true));
                yield null;
            }
            case "completion" -> client.send("POST", "/v1/completions", token, JsonMutator.write(Map.of("prompt",
                    "Lantern is a server that " + n, "max_tokens", 16, "temperature", 0.8)), noStore);
            case "embedding" -> client.post("/v1/embeddings", token, JsonMutator.write(Map.of("input",
                    List.of("embedding text " + id + " " + n, "a second input"))));
            case "search" -> client.post("/v1/documents/search", token, JsonMutator.write(Map.of("query",
                    "language models on Liberty " + n % 7, "top_k", 5)));
            case "upload" -> client.upload(token, "load-" + id + "-" + n + ".txt", ("Upload " + id + "/" + n + " at "
                    + System.nanoTime() + ". Lantern stores chunks with embeddings.\n").repeat(1 + random.nextInt(20))
                    .getBytes(StandardCharsets.UTF_8));
            case "login" -> client.post("/login", null, JsonMutator.write(Map.of("email", account[0], "password",
                    account[1])));
            case "cache-hit" -> client.post("/v1/chat/completions", token, chat("The cached question number "
                    + (n % 4), 0, false));
            default -> client.get("/v1/models", token);
        };
        if (answer != null) {
            judge(kind, answer.status(), answer.code(), answer.body(), answer.nanos());
        }
    }

    static String chat(String question, double temperature, boolean stream) {
        return JsonMutator.write(Map.of("messages", List.of(Map.of("role", "user", "content", question)),
                "max_tokens", 16, "temperature", temperature, "stream", stream));
    }

    void streamed(Client client, String token, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.stream("/v1/chat/completions", token, body);
        StringBuilder all = new StringBuilder();
        boolean done = false;
        boolean errorEvent = false;
        String problem = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                all.append(line).append('\n');
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String payload = line.substring(6);
                if (payload.equals("[DONE]")) {
                    done = true;
                    continue;
                }
                try {
                    JsonMutator.parse(payload);
                } catch (RuntimeException e) {
                    problem = "truncated or invalid JSON event: " + payload;
                }
                errorEvent |= payload.startsWith("{\"error\"");
            }
        }
        long nanos = System.nanoTime() - start;
        if (response.statusCode() == 200 && !done && !errorEvent) {
            problem = "stream ended without [DONE] or an error event";
        }
        if (problem != null) {
            violations.add("chat-stream: " + problem);
        }
        Client.Answer answer = new Client.Answer(response.statusCode(), all.toString(), nanos);
        judge("chat-stream", answer.status(), errorEvent ? new Client.Answer(0, payloadOfError(all), 0).code()
                : answer.code(), all.toString(), nanos);
    }

    private static String payloadOfError(StringBuilder all) {
        int at = all.indexOf("data: {\"error\"");
        return at < 0 ? "" : all.substring(at + 6, Math.max(at + 6, all.indexOf("\n", at)));
    }

    void judge(String kind, int status, String code, String body, long nanos) {
        record(kind, status + (code == null || status < 400 && !body.contains("\"error\"") ? "" : " " + code), nanos);
        if (body.contains("INTERNAL_ERROR")) {
            violations.add(kind + ": INTERNAL_ERROR " + body.substring(0, Math.min(300, body.length())));
        } else if (status >= 500 && !ALLOWED_5XX.contains(code)) {
            violations.add(kind + ": " + status + " " + code + " " + body.substring(0, Math.min(300, body.length())));
        }
    }

    void record(String kind, String outcome, long nanos) {
        outcomes.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(outcome, 1, Integer::sum);
        if (nanos > 0) {
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        }
    }

    boolean report(Client client, int clients, int seconds, List<String> rss) throws Exception {
        System.out.printf("load: %d clients for %d s%n", clients, seconds);
        long requests = 0;
        for (String kind : KINDS) {
            List<Long> l = new ArrayList<>(latencies.getOrDefault(kind, List.of()));
            Collections.sort(l);
            requests += outcomes.getOrDefault(kind, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("  %-12s n=%5d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %s%n", kind, l.size(),
                    pct(l, 0.50), pct(l, 0.95), pct(l, 0.99), new TreeMap<>(outcomes.getOrDefault(kind, Map.of())));
        }
        System.out.printf("  requests %d (%.1f/s)%n", requests, requests / (double) seconds);
        System.out.println("  RSS (s,kB): " + String.join(" ", rss));
        System.out.println("  INTERNAL_ERROR counted by the server: "
                + client.metric("lantern_errors_total", "code=\"INTERNAL_ERROR\""));
        System.out.println("  violations: " + violations.size());
        violations.stream().limit(20).forEach(v -> System.out.println("    " + v));
        return violations.isEmpty();
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
