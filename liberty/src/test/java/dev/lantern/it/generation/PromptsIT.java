package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import dev.lantern.it.auth.AuthClient;
import dev.lantern.it.auth.TokenForge;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prompt endpoints ({@code /tokenize}, {@code /detokenize}, {@code /apply-template}) and the chat template's
 * inputs through the running servers: the demo model's own template, the "templated" model's configured one
 * (liberty/src/test/resources/chat-templates: tools, tool calls, a variable, a raise_exception), per-request
 * templates refused on the test server and run on lantern-ear, which trusts them.
 */
class PromptsIT {

    private static final String TEMPLATED = "templated";
    private static final String RAISED = "Conversations must start with a system or user message.";
    private static String earBase;
    private static String earToken;

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        earBase = System.getProperty("lantern.ear.baseUrl", "http://localhost:9181");
        LanternServer.awaitReady(earBase, Duration.ofMinutes(3));
        String[] admin = LanternServer.earAdministrator();
        earToken = LanternServer.json(AuthClient.call("POST", earBase, "/login", null,
                Map.of("email", admin[0], "password", admin[1]), Map.of())).path("access_token").asText();
    }

    private static ObjectNode messages(String... roleAndContent) {
        ObjectNode body = Api.object();
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < roleAndContent.length; i += 2) {
            messages.addObject().put("role", roleAndContent[i]).put("content", roleAndContent[i + 1]);
        }
        return body;
    }

    private static JsonNode ok(String path, Object body) throws Exception {
        HttpResponse<String> response = Api.post(path, body);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static String prompt(ObjectNode body) throws Exception {
        return ok("/apply-template", body).path("prompt").asText();
    }

    private static HttpResponse<String> onEar(String path, Object body) throws Exception {
        return AuthClient.call("POST", earBase, path, earToken, body, Map.of("Cache-Control", "no-cache"));
    }

    /** A conversation with a tool: a named user, an assistant's call (content null), the tool's answer. */
    private static ObjectNode toolConversation() {
        ObjectNode body = Api.object();
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("name", "ann").put("content", "Weather in Paris?");
        ObjectNode call = messages.addObject().put("role", "assistant").putNull("content");
        call.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function").putObject("function")
                .put("name", "get_weather").put("arguments", "{\"city\": \"Paris\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "21 °C");
        ObjectNode function = body.putArray("tools").addObject().put("type", "function").putObject("function")
                .put("name", "get_weather").put("description", "Current weather");
        function.putObject("parameters").put("type", "object").putObject("properties").putObject("city")
                .put("type", "string");
        return body;
    }

    @Test
    void applyTemplateRendersTheModelsOwnTemplateWithWholeMessages() throws Exception {
        assertEquals("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", prompt(messages("user", "Hi")));
        assertEquals("<|im_start|>user\nHi<|im_end|>\n",
                prompt(messages("user", "Hi").put("add_generation_prompt", false)));
        assertEquals("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nThe answer is",
                prompt(messages("user", "Hi", "assistant", "The answer is").put("continue_final_message", true)
                        .put("add_generation_prompt", false)), "the final message continued, not closed");
        // the demo template concatenates strings: parts are joined, null content is empty, and a developer turn is
        // a system one (its template does not know the developer role), as vLLM gives them
        ObjectNode body = toolConversation();
        body.remove("tools"); // offered tools choose the model's tool_use template (below)
        ((ArrayNode) body.path("messages")).insertObject(0).put("role", "developer").put("content", "Be brief.");
        ((ObjectNode) body.path("messages").get(1)).putArray("content").add(Api.object().put("type", "text")
                .put("text", "Weather")).add(Api.object().put("type", "text").put("text", "in Paris?"));
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nWeather\nin Paris?<|im_end|>\n"
                + "<|im_start|>assistant\n<|im_end|>\n<|im_start|>tool\n21 °C<|im_end|>\n<|im_start|>assistant\n",
                prompt(body));
        // with tools, the demo model's additional_chat_templates/tool_use.jinja: Hermes-style tools, calls, results
        String withTools = prompt(toolConversation());
        assertTrue(withTools.startsWith("<|im_start|>system\n# Tools\n"), withTools);
        assertTrue(withTools.contains("<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"get_weather\""),
                withTools);
        assertTrue(withTools.endsWith("<|im_start|>assistant\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": "
                + "{\"city\": \"Paris\"}}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n21 °C\n"
                + "</tool_response><|im_end|>\n<|im_start|>assistant\n"), withTools);
    }

    @Test
    void aConfiguredTemplateSeesToolsToolCallsNamesAndVariables() throws Exception {
        ObjectNode body = toolConversation().put("model", TEMPLATED);
        body.putObject("chat_template_kwargs").put("enable_thinking", false);
        assertEquals("<|im_start|>system\nYou are the configured test template.\n\n<tools>\n"
                + "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Current weather\", "
                + "\"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}}\n"
                + "</tools><|im_end|>\n"
                + "<|im_start|>user(ann)\nWeather in Paris?<|im_end|>\n"
                + "<|im_start|>assistant\n\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}"
                + "\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\n<tool_response id=\"call_1\">\n21 °C\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\n<think>\n\n</think>\n\n", prompt(body),
                "the arguments' JSON string reaches the template parsed; the kwarg closes the thinking block");
        assertTrue(prompt(messages("user", "Hi")).startsWith("<|im_start|>user"), "the demo model keeps its own");
    }

    @Test
    void tokenizeCountsAPromptOrAChatAsGenerationDoes() throws Exception {
        JsonNode text = ok("/tokenize", Api.object().put("prompt", "Hello world"));
        assertEquals(text.path("tokens").size(), text.path("count").asInt());
        assertEquals(1024, text.path("max_model_len").asInt());
        assertTrue(text.path("token_strs").isMissingNode(), "token_strs only when asked for");
        assertEquals("Hello world", ok("/detokenize", Api.object().set("tokens", text.path("tokens"))).path("prompt")
                .asText());
        JsonNode strings = ok("/tokenize", Api.object().put("prompt", "Hello world").put("return_token_strs", true));
        assertEquals(strings.path("count").asInt(), strings.path("token_strs").size());
        assertEquals("Ġworld", strings.path("token_strs").get(strings.path("count").asInt() - 1).asText(),
                "the vocabulary's own strings, as transformers' convert_ids_to_tokens");

        ObjectNode chat = messages("system", "Be brief.", "user", "What is a list?");
        JsonNode tokens = ok("/tokenize", chat.deepCopy().put("return_token_strs", true));
        assertEquals("<|im_start|>", tokens.path("token_strs").get(0).asText(), "special tokens are single ids");
        assertEquals(prompt(chat), ok("/detokenize", Api.object().set("tokens", tokens.path("tokens"))).path("prompt")
                .asText(), "detokenize writes special tokens out: the chat reads as rendered");
        JsonNode answer = ok("/v1/chat/completions", chat.deepCopy().put("max_tokens", 1));
        assertEquals(tokens.path("count").asInt(), answer.path("usage").path("prompt_tokens").asInt(),
                "what /tokenize counts is what the model is given");
    }

    @Test
    void aTemplateThatRaisesIsTemplateErrorWithItsOwnMessage() throws Exception {
        ObjectNode body = messages("assistant", "Hello there.", "user", "Hi").put("model", TEMPLATED);
        for (String path : new String[] {"/apply-template", "/tokenize", "/v1/chat/completions"}) {
            JsonNode error = AuthClient.assertError(Api.post(path, body), 400, "TEMPLATE_ERROR");
            assertEquals("The chat template refused the conversation: " + RAISED, error.path("message").asText(), path);
        }
        Api.Events stream = Api.stream("/v1/chat/completions", body.deepCopy().put("stream", true));
        assertEquals(400, stream.status(), "refused before the stream opens");
    }

    @Test
    void aRequestsOwnTemplateIsRefusedUnlessTheServerTrustsIt() throws Exception {
        ObjectNode body = messages("user", "Hi").put("chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}");
        for (String path : new String[] {"/apply-template", "/tokenize", "/v1/chat/completions"}) {
            JsonNode error = AuthClient.assertError(Api.post(path, body), 400, "VALIDATION_ERROR");
            assertEquals("chat_template", error.path("param").asText(), path);
        }
    }

    @Test
    void aTrustingServerRunsTheRequestsTemplateAndReportsItsFailures() throws Exception {
        ObjectNode body = messages("user", "Hi", "assistant", "Hello", "user", "What is a list?")
                .put("chat_template", "{% for m in messages %}[{{ m.role }}] {{ m.content }}\n{% endfor %}");
        HttpResponse<String> rendered = onEar("/apply-template", body);
        assertEquals(200, rendered.statusCode(), rendered.body());
        assertEquals("[user] Hi\n[assistant] Hello\n[user] What is a list?\n",
                LanternServer.json(rendered).path("prompt").asText());
        HttpResponse<String> answered = onEar("/v1/chat/completions", body.deepCopy().put("max_tokens", 2));
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(LanternServer.json(onEar("/tokenize", body)).path("count").asInt(),
                LanternServer.json(answered).path("usage").path("prompt_tokens").asInt());

        body.put("chat_template", "{{ raise_exception('no thanks, ' + messages[0].content) }}");
        assertEquals("The chat template refused the conversation: no thanks, Hi", AuthClient.assertError(
                onEar("/apply-template", body), 400, "TEMPLATE_ERROR").path("message").asText());
        body.put("chat_template", "{% for m in messages %}");
        assertTrue(AuthClient.assertError(onEar("/v1/chat/completions", body), 400, "TEMPLATE_ERROR")
                .path("message").asText().startsWith("The chat template failed: template syntax error"));
    }

    @Test
    void invalidRequestsNameTheirField() throws Exception {
        assertEquals("prompt", AuthClient.assertError(Api.post("/tokenize", Api.object()), 400, "VALIDATION_ERROR")
                .path("param").asText());
        assertEquals("messages", AuthClient.assertError(Api.post("/tokenize", messages("user", "Hi")
                .put("prompt", "Hi")), 400, "VALIDATION_ERROR").path("param").asText());
        ObjectNode ids = Api.object();
        ids.putArray("tokens").add(1).add(999_999);
        assertEquals("tokens[1]", AuthClient.assertError(Api.post("/detokenize", ids), 400, "VALIDATION_ERROR")
                .path("param").asText());
        assertEquals("tokens", AuthClient.assertError(Api.post("/detokenize", Api.object()), 400, "VALIDATION_ERROR")
                .path("param").asText());
        ObjectNode badCall = toolConversation();
        ((ObjectNode) badCall.path("messages").get(1).path("tool_calls").get(0).path("function")).put("arguments", "{city");
        assertEquals("messages[1].tool_calls[0].function.arguments", AuthClient.assertError(
                Api.post("/apply-template", badCall), 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals("continue_final_message", AuthClient.assertError(Api.post("/apply-template",
                messages("user", "Hi").put("continue_final_message", true)), 400, "VALIDATION_ERROR").path("param").asText());
        AuthClient.assertError(Api.post("/apply-template", messages("user", "Hi").put("model", "gpt-4")), 404,
                "MODEL_NOT_FOUND");
    }

    @Test
    void usersAndAdministratorsOnlyCountedAgainstTheDefaultPolicy() throws Exception {
        String user = TestUsers.newUserToken("user");
        String guest = TokenForge.administratorWithGroups(List.of("guest"));
        Object[][] calls = {{"/tokenize", Map.of("prompt", "Hi")}, {"/detokenize", Map.of("tokens", List.of(1, 2))},
                {"/apply-template", Map.of("messages", List.of(Map.of("role", "user", "content", "Hi")))}};
        for (Object[] call : calls) {
            String path = (String) call[0];
            AuthClient.assertError(AuthClient.post(path, null, call[1]), 401, "UNAUTHORIZED");
            AuthClient.assertError(AuthClient.post(path, guest, call[1]), 403, "FORBIDDEN");
            HttpResponse<String> answered = AuthClient.post(path, user, call[1]);
            assertEquals(200, answered.statusCode(), path + ": " + answered.body());
            assertTrue(answered.headers().firstValue("RateLimit-Policy").orElse("").contains("default"),
                    path + ": " + answered.headers().map());
        }
    }

    @Test
    void theEndpointsAreDocumented() throws Exception {
        JsonNode doc = LanternServer.json(LanternServer.get("/openapi?format=JSON"));
        for (String path : new String[] {"/tokenize", "/detokenize", "/apply-template"}) {
            JsonNode operation = doc.path("paths").path(path).path("post");
            assertFalse(operation.path("summary").asText().isBlank(), path);
            assertTrue(operation.path("security").toString().contains("bearer"), path);
            for (String status : new String[] {"200", "400", "401", "403"}) {
                assertTrue(operation.path("responses").has(status), path + " " + status);
            }
        }
        JsonNode schemas = doc.path("components").path("schemas");
        assertFalse(schemas.path("TokenizeRequest").path("properties").path("return_token_strs").isMissingNode());
        assertFalse(schemas.path("TokenizeResponse").path("properties").path("max_model_len").isMissingNode());
        assertFalse(schemas.path("ChatMessage").path("properties").path("tool_calls").isMissingNode());
        assertFalse(schemas.path("ChatCompletionRequest").path("properties").path("chat_template_kwargs").isMissingNode());
    }
}
