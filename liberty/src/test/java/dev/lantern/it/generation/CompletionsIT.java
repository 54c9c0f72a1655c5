package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompletionsIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static JsonNode ok(Object body) throws Exception {
        HttpResponse<String> response = Api.post("/v1/completions", body);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    @Test
    void continuesAPromptInOpenAisShape() throws Exception {
        JsonNode answer = ok(Api.object().put("prompt", "The kernel").put("max_tokens", 16).put("temperature", 0));
        assertTrue(answer.path("id").asText().startsWith("cmpl-"));
        assertEquals("text_completion", answer.path("object").asText());
        assertEquals("docs-llama-8m", answer.path("model").asText());
        JsonNode choice = answer.path("choices").get(0);
        assertFalse(choice.path("text").asText().isBlank());
        assertTrue(choice.path("finish_reason").asText().matches("stop|length"));
        assertEquals(2, answer.path("usage").path("prompt_tokens").asInt());
    }

    @Test
    void promptArraysAndTokenIdsGiveOneChoiceSetPerPrompt() throws Exception {
        ObjectNode body = Api.object().put("max_tokens", 6).put("temperature", 0).put("n", 2);
        body.putArray("prompt").add("The kernel").add("Python is");
        JsonNode answer = ok(body);
        assertEquals(4, answer.path("choices").size());
        assertEquals(answer.path("choices").get(0).path("text"), answer.path("choices").get(1).path("text"));
        ObjectNode ids = Api.object().put("max_tokens", 6).put("temperature", 0);
        ids.set("prompt", LanternServer.JSON.valueToTree(new int[] {1, 2, 3, 400}));
        assertEquals(4, ok(ids).path("usage").path("prompt_tokens").asInt());
    }

    @Test
    void echoAndLogprobs() throws Exception {
        JsonNode answer = ok(Api.object().put("prompt", "The kernel").put("max_tokens", 4).put("temperature", 0)
                .put("echo", true).put("logprobs", 2).put("ignore_eos", true));
        JsonNode choice = answer.path("choices").get(0);
        assertTrue(choice.path("text").asText().startsWith("The kernel"), choice.toString());
        JsonNode logprobs = choice.path("logprobs");
        assertEquals(4, logprobs.path("tokens").size());
        assertEquals(4, logprobs.path("token_logprobs").size());
        assertEquals(2, logprobs.path("top_logprobs").get(0).size());
        assertEquals("The kernel".length(), logprobs.path("text_offset").get(0).asInt());
    }

    @Test
    void streamsTheSameTextAsTheWholeAnswer() throws Exception {
        ObjectNode body = Api.object().put("prompt", "Memory management").put("max_tokens", 24).put("temperature", 0);
        String whole = ok(body).path("choices").get(0).path("text").asText();
        body.put("stream", true).putObject("stream_options").put("include_usage", true);
        Api.Events events = Api.stream("/v1/completions", body);
        assertTrue(events.done());
        assertEquals(whole, events.text("text"));
        assertEquals("text_completion", events.data().get(0).path("object").asText());
        assertEquals(24 >= events.data().get(events.data().size() - 1).path("usage").path("completion_tokens").asInt(),
                true);
    }
}
