package dev.lantern.app.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.platform.StrictJsonTypes;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAI's full message shapes reach the template whole; what they may not be is refused with its path. */
class ChatPromptsTest {

    private static final Jsonb JSON = new StrictJsonTypes().getContext(ApplyTemplateRequest.class);

    private static ChatPrompt prompt(String body, boolean trusted) {
        ChatPrompts prompts = new ChatPrompts();
        prompts.settings = new PromptSettings(trusted);
        return prompts.of(JSON.fromJson(body, ApplyTemplateRequest.class));
    }

    private static LanternException refused(String body) {
        LanternException e = assertThrows(LanternException.class, () -> prompt(body, false));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertTrue(e.getMessage().startsWith(e.param() + ":"), "the message names the field: " + e.getMessage());
        return e;
    }

    @Test
    void aToolConversationReachesTheTemplateWhole() {
        ChatPrompt chat = prompt("""
                {"messages": [
                  {"role": "developer", "content": "Be brief."},
                  {"role": "user", "name": "ann", "content": [{"type": "text", "text": "Weather"},
                                                             {"type": "text", "text": "in Paris?"}]},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
                    "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "21 °C"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}],
                 "chat_template_kwargs": {"enable_thinking": false, "depth": 2}}""", false);
        assertEquals("developer", chat.messages().get(0).get("role"), "the engine decides what a developer turn becomes");
        assertEquals("ann", chat.messages().get(1).get("name"));
        assertEquals(List.of(Map.of("type", "text", "text", "Weather"), Map.of("type", "text", "text", "in Paris?")),
                chat.messages().get(1).get("content"));
        Map<String, Object> assistant = chat.messages().get(2);
        assertTrue(assistant.containsKey("content") && assistant.get("content") == null, "null content stays null here");
        assertEquals(List.of(Map.of("id", "call_1", "type", "function", "function",
                Map.of("name", "get_weather", "arguments", "{\"city\": \"Paris\"}"))), assistant.get("tool_calls"));
        assertEquals("call_1", chat.messages().get(3).get("tool_call_id"));
        assertEquals(Map.of("type", "function", "function", Map.of("name", "get_weather", "parameters",
                Map.of("type", "object"))), chat.tools().get(0));
        assertEquals(Map.of("enable_thinking", false, "depth", new BigDecimal(2)), chat.kwargs());
        assertTrue(chat.addGenerationPrompt());
        assertFalse(chat.continueFinalMessage());
        assertTrue(chat.involvesTools());
        assertEquals("Weather\nin Paris?", chat.question());
    }

    @Test
    void everyWrongShapeIsNamedByItsPath() {
        assertEquals("messages[0].content", refused("{\"messages\": [{\"role\": \"user\", \"content\": 3}]}").param());
        assertEquals("messages[0].content[1]", refused("{\"messages\": [{\"role\": \"user\", \"content\": "
                + "[{\"type\": \"text\", \"text\": \"a\"}, {\"type\": \"image_url\", \"image_url\": {}}]}]}").param());
        assertEquals("messages[1].tool_calls[0].function.arguments", refused("{\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"x\"}, {\"role\": \"assistant\", \"tool_calls\": [{\"function\": {\"name\": \"f\", "
                + "\"arguments\": \"{not json\"}}]}]}").param());
        assertEquals("messages[0].tool_calls[0].function.arguments", refused("{\"messages\": [{\"role\": \"assistant\", "
                + "\"tool_calls\": [{\"function\": {\"name\": \"f\", \"arguments\": {\"a\": 1}}}]}]}").param(),
                "an object instead of OpenAI's JSON string");
        assertEquals("messages[0].tool_calls[0].function", refused("{\"messages\": [{\"role\": \"assistant\", "
                + "\"tool_calls\": [{\"id\": \"c\"}]}]}").param());
        assertEquals("messages[0].tool_calls[0].function.name", refused("{\"messages\": [{\"role\": \"assistant\", "
                + "\"tool_calls\": [{\"function\": {\"arguments\": \"{}\"}}]}]}").param());
        assertEquals("messages[0].tool_calls", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\", "
                + "\"tool_calls\": []}]}").param());
        assertEquals("messages[1].tool_call_id", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}, "
                + "{\"role\": \"tool\", \"content\": \"y\"}]}").param());
        assertEquals("tools[0].type", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                + "\"tools\": [{\"type\": \"retrieval\"}]}").param());
        assertEquals("tools[0].type", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                + "\"tools\": [\"<s>\"]}").param(), "a tool that is not an object (a ClassCastException, a 500, before)");
        assertEquals("tools[1].type", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                + "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\"}}, 7]}").param());
        assertEquals("tools[0].type", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                + "\"tools\": [{\"type\": 1}]}").param());
        assertEquals("tools[0].function.name", refused("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                + "\"tools\": [{\"type\": \"function\", \"function\": {}}]}").param());
        assertEquals("chat_template_kwargs.add_generation_prompt", refused("{\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"x\"}], \"chat_template_kwargs\": {\"add_generation_prompt\": false}}").param());
        assertEquals("continue_final_message", refused("{\"messages\": [{\"role\": \"assistant\", \"content\": \"x\"}], "
                + "\"continue_final_message\": true}").param(), "add_generation_prompt defaults to true");
    }

    @Test
    void blankOrMissingArgumentsAreAnEmptyCallAsInVllm() {
        ChatPrompt chat = prompt("{\"messages\": [{\"role\": \"assistant\", \"tool_calls\": [{\"function\": "
                + "{\"name\": \"now\", \"arguments\": \"\"}}, {\"function\": {\"name\": \"today\"}}]}]}", false);
        assertEquals(2, ((List<?>) chat.messages().get(0).get("tool_calls")).size());
    }

    @Test
    void aRequestsOwnTemplateOnlyWhenTrusted() {
        String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"chat_template\": \"{{ 1 }}\"}";
        assertEquals("chat_template", refused(body).param());
        assertEquals("{{ 1 }}", prompt(body, true).requestTemplate());
        assertNull(prompt("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", false).requestTemplate());
    }

    @Test
    void continuingTheFinalMessageWithoutOpeningATurn() {
        ChatPrompt chat = prompt("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"assistant\", "
                + "\"content\": \"The answer is\"}], \"continue_final_message\": true, \"add_generation_prompt\": false}",
                false);
        assertTrue(chat.continueFinalMessage());
        assertFalse(chat.addGenerationPrompt());
    }

    @Test
    void aGroundedSystemTurnReplacesTheCallersAndKeepsItsText() {
        ChatPrompt chat = prompt("{\"messages\": [{\"role\": \"system\", \"content\": [{\"type\": \"text\", "
                + "\"text\": \"Be brief.\"}]}, {\"role\": \"user\", \"content\": \"Q\"}]}", false);
        ChatPrompt grounded = chat.withSystem(callers -> callers + " + passages");
        assertEquals(List.of(Map.of("role", "system", "content", "Be brief. + passages"),
                Map.of("role", "user", "content", "Q")), grounded.messages());
        assertEquals("null + passages", ChatPrompt.userTurn("Q").withSystem(callers -> callers + " + passages")
                .messages().get(0).get("content"));
    }

    @Test
    void theTemplateInputsBesidesTheMessagesTellCacheBucketsApart() {
        String messages = "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]";
        String plain = prompt(messages + "}", false).determinants();
        assertFalse(plain.equals(prompt(messages + ", \"chat_template_kwargs\": {\"a\": 1}}", false).determinants()));
        assertFalse(plain.equals(prompt(messages + ", \"tools\": [{\"type\": \"function\", \"function\": "
                + "{\"name\": \"f\"}}]}", false).determinants()));
        assertFalse(plain.equals(prompt(messages + ", \"add_generation_prompt\": false}", false).determinants()));
        assertEquals(plain, prompt(messages + "}", false).determinants());
    }
}
