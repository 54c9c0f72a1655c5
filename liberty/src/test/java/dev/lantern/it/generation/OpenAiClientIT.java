package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client this project did not write: the official {@code openai} npm package (pinned in
 * liberty/src/test/node/package-lock.json), installed with {@code npm ci} into target/ and run under Node,
 * unmodified but for its base URL and API key (the test user's bearer token): models, chat, streaming,
 * embeddings, and tool calls (required, none, a stream reassembled by the client's own helper, a round trip).
 */
class OpenAiClientIT {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/openai-client");

    @BeforeAll
    static void install() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "openai-client.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
        assertEquals(0, npm.exit(), "npm ci (Node 20 and npm must be installed): " + npm.output());
    }

    @Test
    void modelsChatStreamingAndEmbeddingsWorkUnmodified() throws Exception {
        Result node = run(List.of("node", "openai-client.mjs"), Duration.ofMinutes(2));
        assertEquals(0, node.exit(), node.output());
        String last = node.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        JsonNode out = LanternServer.JSON.readTree(last);
        assertEquals("docs-llama-8m", out.path("models").get(0).asText(), last);
        assertTrue(out.path("models").toString().contains("all-minilm-l6-v2"));
        String chat = out.path("chat").path("content").asText();
        assertFalse(chat.isBlank());
        assertTrue(out.path("chat").path("usage").path("total_tokens").asInt() > 0);
        assertEquals(chat, out.path("stream").path("content").asText(), "the stream adds up to the same answer");
        assertTrue(out.path("stream").path("chunks").asInt() > 3);
        assertTrue(out.path("stream").path("finish_reason").asText().matches("stop|length"));
        assertTrue(out.path("stream").path("usage").path("completion_tokens").asInt() > 0);
        assertEquals(384, out.path("embedding").path("dimension").asInt());
        assertEquals(-0.0344773, out.path("embedding").path("head").get(0).asDouble(), 1e-5,
                "the client decoded the base64 vector it asked for");
        assertEquals(404, out.path("notFound").path("status").asInt());
        toolCallsWorkUnmodified(out.path("tools"));
    }

    /** The client's tool calls: required always calls validly, none never does, a stream reassembles, a round trip. */
    private static void toolCallsWorkUnmodified(JsonNode tools) throws Exception {
        JsonNode parameters = LanternServer.JSON.readTree(ToolCallsIT.WEATHER_PARAMETERS);
        int answers = 0;
        int valid = 0;
        for (JsonNode answer : tools.path("required")) {
            answers++;
            assertEquals("tool_calls", answer.path("finish_reason").asText(), answer.toString());
            assertTrue(answer.path("content").isNull(), answer.toString());
            assertTrue(answer.path("calls").size() > 0, answer.toString());
            boolean allValid = true;
            for (JsonNode call : answer.path("calls")) {
                assertEquals("get_weather", call.path("name").asText());
                assertEquals("function", call.path("type").asText());
                String problem = SchemaOracle.judge(parameters, call.path("arguments").asText());
                assertEquals(null, problem, call.toString());
                allValid &= problem == null;
            }
            valid += allValid ? 1 : 0;
        }
        System.out.printf("[tools] openai client, tool_choice required at temperature 1.0: %d of %d answers called "
                + "with valid arguments%n", valid, answers);
        assertEquals(10, answers);
        for (JsonNode answer : tools.path("none")) {
            assertEquals(0, answer.path("calls").size(), answer.toString());
            assertTrue(answer.path("finish_reason").asText().matches("stop|length"));
        }
        JsonNode whole = tools.path("whole");
        JsonNode stream = tools.path("stream");
        assertEquals("tool_calls", whole.path("finish_reason").asText());
        assertEquals("tool_calls", stream.path("finish_reason").asText());
        assertTrue(stream.path("chunks").asInt() > 1, "the call came in several fragments");
        assertEquals(whole.path("calls").size(), stream.path("calls").size());
        for (int i = 0; i < whole.path("calls").size(); i++) {
            assertEquals(whole.path("calls").get(i).path("name"), stream.path("calls").get(i).path("name"));
            assertEquals(whole.path("calls").get(i).path("arguments"), stream.path("calls").get(i).path("arguments"),
                    "the streamed fragments reassemble to the whole call");
        }
        JsonNode roundTrip = tools.path("roundTrip");
        assertTrue(roundTrip.path("finish_reason").asText().matches("stop|length|tool_calls"), roundTrip.toString());
        assertTrue(roundTrip.path("content").isTextual() || roundTrip.path("calls").size() > 0, roundTrip.toString());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        builder.environment().put("LANTERN_BASE_URL", LanternServer.baseUrl());
        String token = TestUsers.userToken();
        if (token != null) {
            builder.environment().put("LANTERN_API_KEY", token);
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + new String(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
