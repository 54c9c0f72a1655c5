package dev.lantern.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import dev.lantern.it.auth.AuthClient;
import dev.lantern.reliability.Bombs;
import dev.lantern.reliability.DocumentMutator;
import dev.lantern.reliability.JsonMutator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite's short form against the real server (reliability/README.md): seeded mutants of a valid
 * JSON body of every endpoint that reads one, and of every document fixture, plus decompression bombs, sent over
 * HTTP. Every answer must be a success or a catalogue error the caller caused (4xx with a code), or 503
 * {@code OVERLOADED}/{@code MODEL_NOT_READY} or 504 {@code TIMEOUT} (generations are shortened with
 * {@code Lantern-Timeout}); never a 500 or {@code INTERNAL_ERROR} (in a stream's error event either), and the
 * server's {@code lantern_errors_total{code="INTERNAL_ERROR"}} must not move. The server must be ready after.
 * Counts: {@code lantern.fuzz.json} mutants per endpoint, {@code lantern.fuzz.uploads} per file type.
 */
class MalformedInputIT {

    static final Set<String> ALLOWED_5XX = Set.of("OVERLOADED", "MODEL_NOT_READY", "TIMEOUT");
    static final Set<String> DOCUMENT_REFUSALS = Set.of("UNSUPPORTED_FILE_TYPE", "DOCUMENT_TOO_LARGE",
            "DOCUMENT_PROCESSING_ERROR");

    static String admin;
    static String refreshToken;
    static String victimId;
    static String documentId;

    @BeforeAll
    static void logIn() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        String[] administrator = LanternServer.generatedAdministrator();
        JsonNode tokens = AuthClient.tokens(administrator[0], administrator[1]);
        admin = tokens.path("access_token").asText();
        refreshToken = AuthClient.tokens(administrator[0], administrator[1]).path("refresh_token").asText();
        String[] victim = AuthClient.newUser("user");
        victimId = victim[0];
        HttpResponse<String> uploaded = upload("fuzz-base-" + UUID.randomUUID() + ".txt",
                ("A document the fuzzer may share and unshare. " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        documentId = LanternServer.json(uploaded).path("document_ids").get(0).asText();
    }

    record Endpoint(String method, String path, String body, int share) {
    }

    static List<Endpoint> endpoints() {
        String chat = "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":"
                + "\"What is Lantern?\"}],\"max_tokens\":8,\"temperature\":0,\"stream\":false,\"n\":1,\"stop\":[\"\\n\"],"
                + "\"seed\":7,\"top_p\":0.9,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}}],\"response_format\":{\"type\":"
                + "\"json_object\"},\"rag\":{\"enabled\":false,\"top_k\":2}}";
        return List.of(
                new Endpoint("POST", "/login", "{\"email\":\"nobody@lantern.test\",\"password\":\"wrong-password-1\"}", 1),
                new Endpoint("POST", "/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}", 1),
                new Endpoint("POST", "/auth/logout", "{\"refresh_token\":\"lrt_not-a-token\"}", 1),
                new Endpoint("POST", "/v1/chat/completions", chat, 4),
                new Endpoint("POST", "/v1/completions", "{\"prompt\":\"Lantern is\",\"max_tokens\":8,\"temperature\":0,"
                        + "\"echo\":false,\"logprobs\":2,\"stream\":false,\"n\":1}", 3),
                new Endpoint("POST", "/generate", "{\"text\":\"Lantern is\",\"max_tokens\":8,\"temperature\":0}", 2),
                new Endpoint("POST", "/v1/embeddings", "{\"input\":[\"hello\",\"world\"],\"model\":\"all-minilm-l6-v2\"}", 2),
                new Endpoint("POST", "/tokenize", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"add_generation_prompt\":true,\"return_token_strs\":true}", 2),
                new Endpoint("POST", "/detokenize", "{\"tokens\":[1,2,3,400]}", 2),
                new Endpoint("POST", "/apply-template", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}],\"chat_template_kwargs\":{\"x\":1}}", 2),
                new Endpoint("POST", "/v1/documents/search", "{\"query\":\"lantern\",\"top_k\":3,\"document_ids\":[\""
                        + documentId + "\"]}", 2),
                new Endpoint("PUT", "/v1/documents/" + documentId + "/shared", "{\"shared\":false}", 1),
                new Endpoint("POST", "/v1/api-keys", "{\"name\":\"fuzz\"}", 1),
                new Endpoint("POST", "/admin/users", "{\"email\":\"fuzz-" + UUID.randomUUID() + "@lantern.test\","
                        + "\"password\":\"Fuzz-Passw0rd-Long!\",\"roles\":[\"user\"]}", 1),
                new Endpoint("POST", "/admin/users/" + victimId + "/password", "{\"password\":\"Another-Passw0rd!!\"}", 1));
    }

    @Test
    void mutatedJsonBodiesOfEveryEndpointGetNoServerError() throws Exception {
        int perShare = Integer.getInteger("lantern.fuzz.json", 25);
        long seed = Long.getLong("lantern.fuzz.seed", 22);
        double internalBefore = internalErrors();
        List<String> problems = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints()) {
            int count = Math.max(1, perShare * endpoint.share() / 2);
            for (int i = 0; i < count; i++) {
                byte[] body = JsonMutator.mutant(endpoint.body(), seed, i);
                HttpResponse<String> response = send(endpoint, body);
                sent++;
                statuses.computeIfAbsent(endpoint.method() + " " + endpoint.path().replaceAll("/[0-9a-f-]{36}", "/{id}"),
                        k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
                String problem = judge(response);
                if (problem != null) {
                    problems.add(endpoint.method() + " " + endpoint.path() + " mutant " + i + " (seed " + seed + "): "
                            + problem + "; body " + preview(body));
                }
            }
        }
        System.out.println("JSON fuzz: " + sent + " mutated bodies, statuses by endpoint " + statuses);
        assertEquals(List.of(), problems);
        assertEquals(internalBefore, internalErrors(), "lantern_errors_total{code=\"INTERNAL_ERROR\"} moved");
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofSeconds(30));
    }

    /** The bodies the fuzzer found answered 500 (each fixed, each kept here as it was found). */
    @Test
    void whatTheFuzzerFoundStaysFixed() throws Exception {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        Map<String, Object[]> found = new java.util.LinkedHashMap<>();
        found.put("a tool that is not an object", new Object[] {"/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[\"<s>\"]}", 400});
        found.put("nesting past the parser's limit (streaming route)", new Object[] {"/v1/completions",
                "{\"prompt\":\"Lantern is\",\"max_tokens\":" + deep + "}", 400});
        found.put("nesting past the parser's limit (chat)", new Object[] {"/v1/chat/completions",
                "{\"messages\":[{\"role\":" + deep + "}]}", 400});
        found.put("a null document id", new Object[] {"/v1/documents/search",
                "{\"query\":\"lantern\",\"document_ids\":[null]}", 400});
        found.put("a NUL in an API key's name", new Object[] {"/v1/api-keys", "{\"name\":\"key\\u0000\"}", 400});
        found.put("a null role", new Object[] {"/admin/users", "{\"email\":\"null-role-" + UUID.randomUUID()
                + "@lantern.test\",\"password\":\"Null-Role-Passw0rd!\",\"roles\":[null]}", 400});
        found.put("log-probabilities of ruled-out tokens", new Object[] {"/v1/completions", "{\"prompt\":\"Lantern is\","
                + "\"max_tokens\":4,\"temperature\":1,\"top_k\":2,\"logprobs\":5,\"seed\":3}", 200});
        found.put("log-probabilities of ruled-out tokens (chat)", new Object[] {"/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":4,\"temperature\":1,"
                + "\"top_k\":2,\"logprobs\":true,\"top_logprobs\":5,\"seed\":3}", 200});
        for (Map.Entry<String, Object[]> f : found.entrySet()) {
            HttpResponse<String> response = send(new Endpoint("POST", (String) f.getValue()[0], "", 1),
                    ((String) f.getValue()[1]).getBytes(StandardCharsets.UTF_8));
            assertEquals(f.getValue()[2], response.statusCode(), f.getKey() + ": " + response.body());
            assertEquals(null, judge(response), f.getKey());
        }
    }

    @Test
    void mutatedDocumentsAndBombsAreStoredOrRefusedWithAReason() throws Exception {
        int perType = Integer.getInteger("lantern.fuzz.uploads", 3);
        long seed = Long.getLong("lantern.fuzz.seed", 22);
        double internalBefore = internalErrors();
        Path fixtures = Path.of(System.getProperty("lantern.it.fixtures", "src/test/resources/documents"));
        List<String> types = List.of("pdf", "docx", "doc", "odt", "rtf", "xlsx", "pptx", "msg", "epub", "eml", "html",
                "htm", "md", "csv", "txt");
        List<String> problems = new ArrayList<>();
        List<String> processing = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int t = 0; t < types.size(); t++) {
            byte[] original = Files.readAllBytes(fixtures.resolve("fixture." + types.get(t)));
            byte[] donor = Files.readAllBytes(fixtures.resolve("fixture." + types.get((t + 1) % types.size())));
            for (int i = 0; i < perType; i++) {
                byte[] mutant = DocumentMutator.mutant(original, types.get(t), donor, seed, i);
                String name = "mutant-" + seed + "-" + i + "." + types.get(t);
                uploadAndJudge(name, mutant, outcomes, problems, processing);
            }
        }
        Map<String, byte[]> bombs = new java.util.LinkedHashMap<>();
        bombs.put("content-bomb.pdf", Bombs.pdfContentBomb(256));
        bombs.put("chained-flate-bomb.pdf", Bombs.pdfChainedFlateBomb(512));
        bombs.put("image-bomb.pdf", Bombs.pdfImageBomb(256));
        bombs.put("bomb.docx", Bombs.zipPackage(Bombs.docxParts(), "word/media/spaces.bin", 200));
        bombs.put("bomb.odt", Bombs.zipPackage(Bombs.odtParts(), "Pictures/spaces.bin", 200));
        bombs.put("bomb.epub", Bombs.zipPackage(Bombs.epubParts(), "chapter2.xhtml", 200));
        byte[] png = Bombs.pngBomb(16_000, 128);
        bombs.put("png-bomb.docx", Bombs.docxWithImage(png));
        bombs.put("png-bomb.eml", Bombs.emlWithAttachment("huge.png", "image/png", png).getBytes(StandardCharsets.US_ASCII));
        bombs.put("nested-zip.eml", Bombs.emlWithAttachment("42.zip", "application/zip", Bombs.nestedZip(4, 8, 64))
                .getBytes(StandardCharsets.US_ASCII));
        bombs.put("laughs.html", (Bombs.billionLaughs("html") + "<html><body><p>&lol9;</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        bombs.put("laughs-attached.eml", Bombs.emlWithAttachment("laughs.xml", "application/xml",
                (Bombs.billionLaughs("r") + "<r>&lol9;</r>").getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
            uploadAndJudge(UUID.randomUUID() + "-" + bomb.getKey(), bomb.getValue(), outcomes, problems, processing);
        }
        for (String id : processing) {
            JsonNode document = awaitProcessed(id, Duration.ofSeconds(120));
            String status = document.path("status").asText();
            outcomes.merge("background " + status, 1, Integer::sum);
            if (status.equals("failed") && (document.path("error").isMissingNode() || document.path("error").isNull())) {
                problems.add("document " + id + " failed without a reason: " + document);
            } else if (status.equals("failed") && document.toString().contains("INTERNAL_ERROR")) {
                problems.add("document " + id + " failed with INTERNAL_ERROR: " + document);
            }
        }
        System.out.println("Upload fuzz: " + (perType * types.size()) + " mutants and " + bombs.size()
                + " bombs, outcomes " + outcomes);
        assertEquals(List.of(), problems);
        assertEquals(internalBefore, internalErrors(), "lantern_errors_total{code=\"INTERNAL_ERROR\"} moved");
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofSeconds(30));
    }

    private static void uploadAndJudge(String name, byte[] content, Map<String, Integer> outcomes, List<String> problems,
            List<String> processing) throws Exception {
        HttpResponse<String> response = upload(name, content);
        String code = code(response);
        outcomes.merge(response.statusCode() + (code == null ? "" : " " + code), 1, Integer::sum);
        if (response.statusCode() == 202) {
            processing.add(LanternServer.json(response).path("document_ids").get(0).asText());
        } else if (response.statusCode() >= 400 && !DOCUMENT_REFUSALS.contains(code)
                && !"OVERLOADED".equals(code)) {
            problems.add(name + ": " + response.statusCode() + " " + preview(response.body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Why an answer is wrong, or null. */
    static String judge(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (body.contains("INTERNAL_ERROR")) {
            return status + " with INTERNAL_ERROR: " + preview(body.getBytes(StandardCharsets.UTF_8));
        }
        if (status >= 400) {
            String code = code(response);
            if (code == null) {
                return status + " without an error code: " + preview(body.getBytes(StandardCharsets.UTF_8));
            }
            if (status >= 500 && !ALLOWED_5XX.contains(code)) {
                return status + " " + code;
            }
        }
        return null;
    }

    static String code(HttpResponse<String> response) {
        try {
            JsonNode code = LanternServer.JSON.readTree(response.body()).path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static HttpResponse<String> send(Endpoint endpoint, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + endpoint.path()))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").header("Cache-Control", "no-store")
                .header("Lantern-Timeout", "20")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        return LanternServer.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String filename, byte[] content) throws Exception {
        String boundary = "lantern-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + "/v1/documents"))
                .timeout(Duration.ofSeconds(180)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return LanternServer.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitProcessed(String id, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode document;
        do {
            HttpResponse<String> response = LanternServer.client().send(HttpRequest.newBuilder(URI.create(
                    LanternServer.baseUrl() + "/v1/documents/" + id)).header("Authorization", "Bearer " + admin)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            document = LanternServer.json(response);
            if (!"processing".equals(document.path("status").asText())) {
                return document;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("document " + id + " still processing after " + limit + ": " + document);
    }

    static double internalErrors() throws Exception {
        return LanternServer.get("/metrics").body().lines()
                .filter(l -> l.startsWith("lantern_errors_total{") && l.contains("code=\"INTERNAL_ERROR\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("[\\p{Cc}]", "?") + (bytes.length > 300 ? "… (" + bytes.length + " bytes)" : "");
    }
}
