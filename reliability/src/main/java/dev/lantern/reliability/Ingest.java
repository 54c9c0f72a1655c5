package dev.lantern.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database fault's client: uploads {@code count} documents, one every {@code gap} ms (half small enough to be
 * read before the answer, half large enough to go to the background), while the script stops and starts the
 * database; then waits until none is {@code processing}. Every acknowledged document (200 or 202) must end
 * {@code ready}, or {@code failed} with a reason; none may be lost (404) or stay {@code processing}; a refusal
 * during the outage must be a 503 with a code, never a 500 or {@code INTERNAL_ERROR}. Finally a request that needs
 * the database must succeed: the server serves again without a restart.
 *
 * <p>Usage: {@code Ingest <base url> <admin email> <admin password> <count> <gap ms> <settle seconds>}
 */
public final class Ingest {

    public static void main(String[] args) throws Exception {
        Client client = new Client(args[0]);
        int count = Integer.parseInt(args[3]);
        long gap = Long.parseLong(args[4]);
        int settle = Integer.parseInt(args[5]);
        client.awaitReady(Duration.ofMinutes(5));
        String token = client.login(args[1], args[2]);
        List<String> acknowledged = new ArrayList<>();
        Map<String, Integer> answers = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] content = document(i);
            Client.Answer answer;
            try {
                answer = client.upload(token, "fault-" + i + "-" + System.nanoTime() + ".txt", content);
            } catch (java.io.IOException e) {
                answers.merge("exception " + e.getClass().getSimpleName(), 1, Integer::sum);
                Thread.sleep(gap);
                continue;
            }
            String code = answer.status() >= 400 ? " " + answer.code() : "";
            answers.merge(answer.status() + code, 1, Integer::sum);
            System.out.printf("upload %2d: %d%s (%d ms)%n", i, answer.status(), code, answer.nanos() / 1_000_000);
            if (answer.status() == 200 || answer.status() == 202) {
                acknowledged.add((String) answer.json("document_ids", "0"));
            } else if (answer.status() >= 500 && answer.status() != 503 || answer.body().contains("INTERNAL_ERROR")) {
                violations.add("upload " + i + ": " + answer.status() + " " + answer.body());
            }
            Thread.sleep(gap);
        }
        long deadline = System.nanoTime() + settle * 1_000_000_000L;
        Map<String, String> states = new TreeMap<>();
        do {
            states.clear();
            for (String id : acknowledged) {
                Client.Answer document;
                try {
                    document = client.get("/v1/documents/" + id, token);
                } catch (java.io.IOException e) {
                    states.put(id, "unreachable");
                    continue;
                }
                if (document.status() == 404) {
                    states.put(id, "lost");
                } else if (document.status() != 200) {
                    states.put(id, "http " + document.status());
                } else {
                    String status = (String) document.json("status");
                    Object error = document.json("error");
                    states.put(id, status + (error == null ? "" : " " + JsonMutator.write(error)));
                }
            }
            if (states.values().stream().noneMatch(s -> s.startsWith("processing") || s.startsWith("http")
                    || s.equals("unreachable"))) {
                break;
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < deadline);
        Map<String, Integer> summary = new TreeMap<>();
        states.forEach((id, state) -> {
            String kind = state.startsWith("failed") ? (state.length() > "failed".length() ? "failed with a reason"
                    : "failed without a reason") : state.replaceAll(" .*", "");
            summary.merge(kind, 1, Integer::sum);
            if (!state.equals("ready") && !(state.startsWith("failed") && state.length() > "failed".length())) {
                violations.add("document " + id + ": " + state);
            }
            if (state.contains("INTERNAL_ERROR")) {
                violations.add("document " + id + " failed as INTERNAL_ERROR: " + state);
            }
        });
        Client.Answer list = client.get("/v1/documents", token);
        if (list.status() != 200) {
            violations.add("after the outage GET /v1/documents answered " + list.status() + " " + list.body());
        }
        System.out.println("ingest: " + count + " uploads " + answers + "; " + acknowledged.size()
                + " acknowledged, finally " + summary + "; GET /v1/documents after: " + list.status());
        states.forEach((id, state) -> {
            if (state.startsWith("failed")) {
                System.out.println("  " + id + ": " + state);
            }
        });
        System.out.println("violations: " + violations.size());
        violations.forEach(v -> System.out.println("  " + v));
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    /** Even: a small note (read before the answer); odd: 300 KiB, mostly blank, few chunks (in the background). */
    static byte[] document(int i) {
        String text = "Document " + i + " of the database fault, written at " + System.nanoTime()
                + ". Lantern keeps every acknowledged document.\n";
        if (i % 2 == 0) {
            return text.repeat(5).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder big = new StringBuilder(text.repeat(40));
        while (big.length() < 300 * 1024) {
            big.append(' ');
        }
        return big.append("\nThe end.\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
