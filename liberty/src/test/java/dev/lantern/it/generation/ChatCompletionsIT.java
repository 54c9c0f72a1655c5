package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatCompletionsIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static JsonNode ok(ObjectNode body) throws Exception {
        HttpResponse<String> response = Api.post("/v1/chat/completions", body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Api.json(response);
    }

    @Test
    void answersInOpenAisShape() throws Exception {
        JsonNode answer = ok(Api.chat("What is a generator in Python?").put("temperature", 0).put("max_tokens", 64));
        assertTrue(answer.path("id").asText().startsWith("chatcmpl-"));
        assertEquals("chat.completion", answer.path("object").asText());
        assertTrue(answer.path("created").asLong() > 1_600_000_000L);
        assertEquals("docs-llama-8m", answer.path("model").asText());
        JsonNode choice = answer.path("choices").get(0);
        assertEquals(0, choice.path("index").asInt());
        assertEquals("assistant", choice.path("message").path("role").asText());
        assertFalse(choice.path("message").path("content").asText().isBlank());
        assertTrue(choice.path("finish_reason").asText().matches("stop|length"));
        JsonNode usage = answer.path("usage");
        assertTrue(usage.path("prompt_tokens").asInt() > 5);
        assertTrue(usage.path("completion_tokens").asInt() > 0);
        assertEquals(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt(),
                usage.path("total_tokens").asInt());
    }

    @Test
    void greedyIsReproducibleAndMaxTokensEndsWithLength() throws Exception {
        ObjectNode body = Api.chat("Explain the kernel scheduler.").put("temperature", 0).put("max_tokens", 12)
                .put("ignore_eos", true);
        JsonNode first = ok(body);
        JsonNode second = ok(body);
        assertEquals(first.path("choices").get(0).path("message").path("content"),
                second.path("choices").get(0).path("message").path("content"));
        assertEquals("length", first.path("choices").get(0).path("finish_reason").asText());
        assertEquals(12, first.path("usage").path("completion_tokens").asInt());
    }

    @Test
    void seededSamplingIsReproducibleAndNGivesSeveralChoices() throws Exception {
        ObjectNode body = Api.chat("What is a module?").put("temperature", 1.0).put("seed", 42).put("n", 3)
                .put("max_tokens", 24).put("ignore_eos", true);
        JsonNode first = ok(body);
        JsonNode second = ok(body);
        assertEquals(3, first.path("choices").size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, first.path("choices").get(i).path("index").asInt());
            assertEquals(first.path("choices").get(i).path("message"), second.path("choices").get(i).path("message"));
        }
        assertNotEquals(first.path("choices").get(0).path("message"), first.path("choices").get(1).path("message"),
                "each choice samples its own text");
        assertEquals(72, first.path("usage").path("completion_tokens").asInt());
    }

    @Test
    void logprobsWithTopAlternatives() throws Exception {
        JsonNode answer = ok(Api.chat("What is a list?").put("temperature", 0).put("max_tokens", 5)
                .put("ignore_eos", true).put("logprobs", true).put("top_logprobs", 3));
        JsonNode content = answer.path("choices").get(0).path("logprobs").path("content");
        assertEquals(5, content.size());
        for (JsonNode token : content) {
            assertTrue(token.path("logprob").asDouble() <= 0);
            assertTrue(token.path("bytes").isArray());
            assertEquals(3, token.path("top_logprobs").size());
            // greedy: the chosen token is the most likely one
            assertEquals(token.path("top_logprobs").get(0).path("token").asText(), token.path("token").asText());
        }
    }

    @Test
    void stopStringEndsTheAnswerBeforeIt() throws Exception {
        ObjectNode body = Api.chat("What is a generator in Python?").put("temperature", 0).put("max_tokens", 64);
        String full = ok(body).path("choices").get(0).path("message").path("content").asText();
        String[] words = full.split("\\s+");
        assertTrue(words.length > 3, full);
        String stop = " " + words[2];
        body.putArray("stop").add(stop).add("zzzz-never");
        JsonNode stopped = ok(body).path("choices").get(0);
        assertEquals("stop", stopped.path("finish_reason").asText());
        assertEquals(full.substring(0, full.indexOf(stop)), stopped.path("message").path("content").asText());
        body.put("stop", stop);
        assertEquals(full.substring(0, full.indexOf(stop)),
                ok(body).path("choices").get(0).path("message").path("content").asText());
    }

    @Test
    void everySamplingFieldIsAccepted() throws Exception {
        ObjectNode body = Api.chat("Describe the page cache.").put("model", "docs-llama-8m")
                .put("temperature", 0.7).put("top_p", 0.9).put("top_k", 40).put("min_p", 0.05)
                .put("max_tokens", 10).put("min_tokens", 10).put("seed", 7).put("n", 1)
                .put("frequency_penalty", 0.5).put("presence_penalty", 0.3).put("repetition_penalty", 1.1)
                .put("ignore_eos", false).put("user", "it").put("logprobs", false);
        body.put("stop", "@@@@");
        JsonNode answer = ok(body);
        assertEquals(10, answer.path("usage").path("completion_tokens").asInt(), "min_tokens held the end back");
        assertEquals("length", answer.path("choices").get(0).path("finish_reason").asText());
    }

    @Test
    void beamSearchWhenAsked() throws Exception {
        JsonNode beams = ok(Api.chat("What is a list?").put("num_beams", 3).put("max_tokens", 16));
        assertFalse(beams.path("choices").get(0).path("message").path("content").asText().isBlank());
        JsonNode alias = ok(Api.chat("What is a list?").put("use_beam_search", true).put("num_beams", 3)
                .put("max_tokens", 16));
        assertEquals(beams.path("choices").get(0).path("message"), alias.path("choices").get(0).path("message"),
                "use_beam_search is num_beams");
        // n choices of one beam search would all be the same best beam: refused rather than repeated
        HttpResponse<String> several = Api.post("/v1/chat/completions", Api.chat("What is a list?")
                .put("num_beams", 3).put("n", 2).put("max_tokens", 16));
        assertEquals(400, several.statusCode(), several.body());
        assertEquals("n", Api.json(several).path("error").path("param").asText());
    }

    @Test
    void streamsChunksThatAddUpToTheAnswer() throws Exception {
        ObjectNode body = Api.chat("What is a generator in Python?").put("temperature", 0).put("max_tokens", 40);
        String whole = ok(body).path("choices").get(0).path("message").path("content").asText();
        body.put("stream", true).putObject("stream_options").put("include_usage", true);
        Api.Events events = Api.stream("/v1/chat/completions", body);
        assertEquals(200, events.status());
        assertTrue(events.contentType().startsWith("text/event-stream"), events.contentType());
        assertTrue(events.done(), "ends with data: [DONE]");
        assertEquals(whole, events.text("content"));
        JsonNode first = events.data().get(0);
        assertEquals("chat.completion.chunk", first.path("object").asText());
        assertEquals("assistant", first.path("choices").get(0).path("delta").path("role").asText());
        String id = first.path("id").asText();
        events.data().forEach(e -> assertEquals(id, e.path("id").asText(), "one id per stream"));
        JsonNode last = events.data().get(events.data().size() - 1);
        assertEquals(0, last.path("choices").size(), "the usage chunk has no choices");
        assertTrue(last.path("usage").path("completion_tokens").asInt() > 0);
        JsonNode finish = events.data().get(events.data().size() - 2).path("choices").get(0);
        assertTrue(finish.path("finish_reason").asText().matches("stop|length"));
        for (String line : events.rawLines()) {
            assertTrue(line.isEmpty() || line.startsWith("data: ") || line.startsWith(":"), "SSE line: " + line);
        }
    }

    @Test
    void aStreamCarriesTheHeadersOfAWholeAnswer() throws Exception {
        HttpResponse<InputStream> response = LanternServer.client().send(HttpRequest.newBuilder(
                        URI.create(LanternServer.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestUsers.newUserToken("user"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.chat("Hi").put("stream", true).put("max_tokens", 2)
                        .toString())).build(), HttpResponse.BodyHandlers.ofInputStream());
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        assertTrue(body.contains("data: [DONE]"), "the body's stream flag wins over Accept: " + body);
        HttpHeaders headers = response.headers();
        assertTrue(headers.firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertTrue(headers.firstValue("RateLimit-Policy").orElse("").contains("\"generation\""), headers.map().toString());
        assertTrue(headers.firstValue("RateLimit").isPresent(), headers.map().toString());
        assertTrue(headers.firstValue("Lantern-Request-Id").isPresent());
        assertEquals("miss", headers.firstValue("Lantern-Cache").orElse(""));
        assertEquals("no-cache", headers.firstValue("Cache-Control").orElse(""));
    }

    @Test
    void streamWithoutUsageHasNone() throws Exception {
        Api.Events events = Api.stream("/v1/chat/completions", Api.chat("Hi").put("stream", true)
                .put("max_tokens", 4));
        assertTrue(events.done());
        events.data().forEach(e -> assertTrue(e.path("usage").isMissingNode() || e.path("usage").isNull()));
    }

    @Test
    void streamedChoicesOfNAreNumbered() throws Exception {
        Api.Events events = Api.stream("/v1/chat/completions", Api.chat("Hi").put("stream", true).put("n", 2)
                .put("max_tokens", 6).put("ignore_eos", true).put("temperature", 0.9).put("seed", 3));
        assertTrue(events.done());
        long finished = events.data().stream().flatMap(e -> java.util.stream.StreamSupport
                .stream(e.path("choices").spliterator(), false))
                .filter(c -> c.hasNonNull("finish_reason")).map(c -> c.path("index").asInt()).distinct().count();
        assertEquals(2, finished);
    }

    @Test
    void acceptsContentParts() throws Exception {
        ObjectNode body = Api.object().put("max_tokens", 4);
        body.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("type", "text").put("text", "What is a list?");
        assertEquals(LanternServer.JSON.readTree("\"assistant\""),
                ok(body).path("choices").get(0).path("message").path("role"));
    }

    /** A conversation with an offered tool, the assistant's call (content null) and the tool's answer. */
    private static ObjectNode toolConversation() {
        ObjectNode body = Api.object().put("max_tokens", 8).put("temperature", 0);
        com.fasterxml.jackson.databind.node.ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "developer").put("content", "Answer briefly.");
        messages.addObject().put("role", "user").put("content", "What is the weather in Paris?");
        ObjectNode call = messages.addObject().put("role", "assistant").putNull("content");
        call.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function").putObject("function")
                .put("name", "get_weather").put("arguments", "{\"city\": \"Paris\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "21 degrees, sunny");
        body.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "get_weather")
                .putObject("parameters").put("type", "object");
        return body;
    }

    @Test
    void aToolConversationWithToolChoiceNoneIsAnsweredWithText() throws Exception {
        for (String model : new String[] {"docs-llama-8m", "templated"}) {
            JsonNode choice = ok(toolConversation().put("model", model).put("tool_choice", "none"))
                    .path("choices").get(0);
            assertTrue(choice.path("message").path("content").isTextual(), model);
            assertTrue(choice.path("message").path("tool_calls").isMissingNode(), "none: the tools are only shown");
            assertTrue(choice.path("finish_reason").asText().matches("stop|length"), model);
        }
    }

    @Test
    void aToolCallsArgumentsMustBeOpenAisJsonString() throws Exception {
        ObjectNode body = toolConversation();
        ((ObjectNode) body.path("messages").get(2).path("tool_calls").get(0).path("function")).putObject("arguments")
                .put("city", "Paris");
        HttpResponse<String> response = Api.post("/v1/chat/completions", body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("messages[2].tool_calls[0].function.arguments", Api.json(response).path("error").path("param").asText());
    }

    @Test
    void chatTemplateKwargsAndContinuingTheFinalMessageChangeThePrompt() throws Exception {
        ObjectNode plain = Api.chat("Hi").put("model", "templated").put("max_tokens", 1);
        int tokens = ok(plain).path("usage").path("prompt_tokens").asInt();
        ObjectNode noThinking = plain.deepCopy();
        noThinking.putObject("chat_template_kwargs").put("enable_thinking", false);
        assertTrue(ok(noThinking).path("usage").path("prompt_tokens").asInt() > tokens, "the variable reached the template");
        ObjectNode continued = Api.object().put("max_tokens", 4).put("temperature", 0)
                .put("add_generation_prompt", false).put("continue_final_message", true);
        continued.putArray("messages").addObject().put("role", "user").put("content", "What is a list?");
        ((com.fasterxml.jackson.databind.node.ArrayNode) continued.path("messages")).addObject()
                .put("role", "assistant").put("content", "A list is");
        assertTrue(Api.json(Api.post("/apply-template", continued)).path("prompt").asText().endsWith("A list is"),
                "the prompt ends inside the final message");
        assertEquals(Api.json(Api.post("/tokenize", continued)).path("count").asInt(),
                ok(continued).path("usage").path("prompt_tokens").asInt(), "and that is what the model continues");
    }
}
