package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tool calls over HTTP with the demo model (its tool_use template, Hermes calls) and the configured "templated"
 * model: required and named choices always call, with arguments valid against the function's parameters; auto may;
 * none never does; a stream's delta.tool_calls fragments add up to the whole answer's calls; and what cannot be
 * given is a 400 naming its field.
 */
class ToolCallsIT {

    static final String WEATHER_PARAMETERS = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
            + "\"maxLength\":20},\"unit\":{\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\",\"unit\"],"
            + "\"additionalProperties\":false}";

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    static ObjectNode weatherQuestion() throws Exception {
        ObjectNode body = Api.chat("What is the weather in Paris?").put("max_tokens", 80);
        ArrayNode tools = body.putArray("tools");
        ObjectNode weather = tools.addObject().put("type", "function").putObject("function")
                .put("name", "get_weather").put("description", "The current weather in a city");
        weather.set("parameters", LanternServer.JSON.readTree(WEATHER_PARAMETERS));
        tools.addObject().put("type", "function").putObject("function").put("name", "get_time")
                .putObject("parameters").put("type", "object").putObject("properties").putObject("zone")
                .put("type", "string").put("maxLength", 12);
        return body;
    }

    private static JsonNode choice(ObjectNode body) throws Exception {
        HttpResponse<String> response = Api.post("/v1/chat/completions", body);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response).path("choices").get(0);
    }

    @Test
    void requiredAlwaysCallsWithValidArguments() throws Exception {
        JsonNode parameters = LanternServer.JSON.readTree(WEATHER_PARAMETERS);
        int answers = 0;
        int valid = 0;
        for (String model : new String[] {"docs-llama-8m", "templated"}) {
            for (int i = 0; i < 6; i++) {
                // parallel calls allowed: the demo model may go on calling until max_tokens cuts its last call
                JsonNode choice = choice(weatherQuestion().put("model", model).put("tool_choice", "required")
                        .put("temperature", 1.0).put("seed", 100 + i));
                boolean cut = choice.path("finish_reason").asText().equals("length");
                assertTrue(cut || choice.path("finish_reason").asText().equals("tool_calls"), choice.toString());
                assertTrue(choice.path("message").path("content").isNull(), "content is null: " + choice);
                JsonNode made = choice.path("message").path("tool_calls");
                assertTrue(made.size() > 0, "a call every time: " + choice);
                answers++;
                for (int c = 0; c < made.size(); c++) {
                    JsonNode call = made.get(c);
                    assertTrue(call.path("id").asText().startsWith("call_"));
                    assertEquals("function", call.path("type").asText());
                    String name = call.path("function").path("name").asText();
                    assertTrue(call.path("function").path("arguments").isTextual(), "arguments are a JSON string");
                    JsonNode schema = name.equals("get_weather") ? parameters
                            : LanternServer.JSON.readTree("{\"type\":\"object\"}");
                    assertTrue(name.matches("get_weather|get_time"), name);
                    String problem = SchemaOracle.judge(schema, call.path("function").path("arguments").asText());
                    if (cut && c == made.size() - 1 && problem != null && problem.startsWith("not JSON")) {
                        continue; // the call max_tokens cut, written as far as it got
                    }
                    assertNull(problem, call.toString());
                }
                valid++;
            }
        }
        System.out.printf("[tools] tool_choice required at temperature 1.0: %d of %d answers called, every complete "
                + "call's arguments valid%n", valid, answers);
        assertEquals(12, valid);
    }

    @Test
    void aNamedFunctionIsCalledOnceAndNoneNeverCalls() throws Exception {
        ObjectNode named = weatherQuestion().put("temperature", 1.0).put("seed", 3);
        named.putObject("tool_choice").put("type", "function").putObject("function").put("name", "get_time");
        JsonNode choice = choice(named);
        assertEquals("tool_calls", choice.path("finish_reason").asText());
        assertEquals(1, choice.path("message").path("tool_calls").size());
        assertEquals("get_time", choice.path("message").path("tool_calls").get(0).path("function").path("name").asText());
        for (int i = 0; i < 3; i++) {
            JsonNode none = choice(weatherQuestion().put("tool_choice", "none").put("temperature", 1.0).put("seed", i));
            assertTrue(none.path("message").path("tool_calls").isMissingNode(), none.toString());
            assertTrue(none.path("message").path("content").isTextual());
            assertTrue(none.path("finish_reason").asText().matches("stop|length"));
        }
        JsonNode single = choice(weatherQuestion().put("tool_choice", "required").put("parallel_tool_calls", false)
                .put("temperature", 1.0).put("seed", 8));
        assertEquals(1, single.path("message").path("tool_calls").size(), "parallel_tool_calls false: one call");
    }

    @Test
    void autoAnswersWithTextOrWithValidCalls() throws Exception {
        for (int i = 0; i < 4; i++) {
            JsonNode choice = choice(weatherQuestion().put("temperature", 1.0).put("seed", 40 + i));
            if (choice.path("finish_reason").asText().equals("tool_calls")) {
                assertTrue(choice.path("message").path("tool_calls").size() > 0);
            } else {
                assertTrue(choice.path("message").path("tool_calls").isMissingNode(), choice.toString());
            }
        }
    }

    @Test
    void aStreamedCallAddsUpToTheWholeAnswersCall() throws Exception {
        ObjectNode body = weatherQuestion().put("tool_choice", "required").put("temperature", 0)
                .put("parallel_tool_calls", false);
        JsonNode whole = choice(body).path("message").path("tool_calls");
        // with logprobs: tokens that show nothing yet (a call's held-back start) still come with their delta
        Api.Events events = Api.stream("/v1/chat/completions", body.deepCopy().put("stream", true)
                .put("logprobs", true));
        assertEquals(200, events.status());
        assertTrue(events.done());
        Map<Integer, String[]> calls = new HashMap<>();
        String finish = null;
        StringBuilder content = new StringBuilder();
        for (JsonNode event : events.data()) {
            for (JsonNode choice : event.path("choices")) {
                assertTrue(choice.path("delta").isObject(), event.toString());
                content.append(choice.path("delta").path("content").asText(""));
                for (JsonNode fragment : choice.path("delta").path("tool_calls")) {
                    String[] call = calls.computeIfAbsent(fragment.path("index").asInt(), k -> new String[] {"", "", ""});
                    if (fragment.has("id")) {
                        call[0] = fragment.path("id").asText();
                        assertEquals("function", fragment.path("type").asText());
                    }
                    call[1] += fragment.path("function").path("name").asText("");
                    call[2] += fragment.path("function").path("arguments").asText("");
                }
                if (choice.hasNonNull("finish_reason")) {
                    finish = choice.path("finish_reason").asText();
                }
            }
        }
        assertEquals("tool_calls", finish);
        assertEquals("", content.toString(), "a required call has no content");
        assertEquals(whole.size(), calls.size());
        for (int i = 0; i < whole.size(); i++) {
            assertTrue(calls.get(i)[0].startsWith("call_"));
            assertEquals(whole.get(i).path("function").path("name").asText(), calls.get(i)[1]);
            assertEquals(whole.get(i).path("function").path("arguments").asText(), calls.get(i)[2]);
        }
    }

    @Test
    void aToolsAnswerGoesBackIntoTheNextTurn() throws Exception {
        ObjectNode first = weatherQuestion().put("tool_choice", "required").put("temperature", 0);
        JsonNode call = choice(first).path("message").path("tool_calls").get(0);
        ObjectNode second = weatherQuestion().put("temperature", 0).put("tool_choice", "none").put("max_tokens", 16);
        ArrayNode messages = (ArrayNode) second.path("messages");
        ObjectNode assistant = messages.addObject().put("role", "assistant").putNull("content");
        assistant.putArray("tool_calls").add(call);
        messages.addObject().put("role", "tool").put("tool_call_id", call.path("id").asText())
                .put("content", "{\"temperature\": 21, \"unit\": \"celsius\"}");
        HttpResponse<String> rendered = Api.post("/apply-template", second);
        assertEquals(200, rendered.statusCode(), rendered.body());
        String prompt = Api.json(rendered).path("prompt").asText();
        assertTrue(prompt.contains("<tool_call>\n{\"name\": \"" + call.path("function").path("name").asText()),
                "the call is in the next turn: " + prompt);
        assertTrue(prompt.contains("<tool_response>\n{\"temperature\": 21, \"unit\": \"celsius\"}\n</tool_response>"),
                prompt);
        JsonNode answer = choice(second);
        assertTrue(answer.path("message").path("content").isTextual());
    }

    @Test
    void impossibleToolRequestsAreRefusedNamingTheField() throws Exception {
        assertEquals("tool_choice", refused(Api.chat("Hi").put("tool_choice", "required"), "VALIDATION_ERROR"));
        ObjectNode unknown = weatherQuestion();
        unknown.putObject("tool_choice").put("type", "function").putObject("function").put("name", "fly");
        assertEquals("tool_choice.function.name", refused(unknown, "VALIDATION_ERROR"));
        ObjectNode both = weatherQuestion().put("tool_choice", "required");
        both.putObject("response_format").put("type", "json_object");
        assertEquals("response_format", refused(both, "VALIDATION_ERROR"));
        ObjectNode beams = weatherQuestion().put("tool_choice", "required").put("num_beams", 2);
        assertEquals("num_beams", refused(beams, "VALIDATION_ERROR"));
        ObjectNode unsupported = weatherQuestion().put("tool_choice", "required");
        ((ObjectNode) unsupported.path("tools").get(1).path("function").path("parameters").path("properties"))
                .putObject("n").put("type", "integer").put("multipleOf", 3);
        assertEquals("tools[1].function.parameters.properties.n.multipleOf", refused(unsupported, "INVALID_SCHEMA"));
    }

    private static String refused(ObjectNode body, String code) throws Exception {
        HttpResponse<String> response = Api.post("/v1/chat/completions", body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(code, Api.json(response).path("error").path("code").asText(), response.body());
        return Api.json(response).path("error").path("param").asText();
    }
}
