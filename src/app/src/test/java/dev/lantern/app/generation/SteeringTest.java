package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.LanternException;
import dev.lantern.app.structured.OutputStructure;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.TokenEvent;
import dev.lantern.engine.constraint.JsonLayout;
import dev.lantern.engine.constraint.JsonSchemaGrammar;
import dev.lantern.engine.constraint.TokenConstraint;
import dev.lantern.engine.constraint.TokenVocabulary;
import dev.lantern.engine.constraint.ToolCallFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A request's steering in its engine settings (the constraint and logit_bias go through, what a constraint cannot
 * run with is refused, the automatic table chooses no beams), and tool calls in a chat stream's chunks.
 */
class SteeringTest {

    private static final AutoSettings BEAMS = AutoSettings.parse("*:num_beams=3");

    private static Steering constrained() throws Exception {
        TokenVocabulary vocabulary = TokenVocabulary.read(Path.of("../../models/docs-llama-8m/tokenizer.json"));
        return new Steering(new OutputStructure("json_object", v -> null, "", null),
                new TokenConstraint(JsonSchemaGrammar.anyObject(JsonLayout.COMPACT), vocabulary),
                new TreeMap<>(Map.of(7, -100.0)));
    }

    private static GenerateRequest request(Integer beams, Boolean ignoreEos, Integer minTokens) {
        return new GenerateRequest("text", null, null, null, null, null, null, null, null, null, null, null, beams,
                null, null, null, ignoreEos, minTokens);
    }

    @Test
    void theConstraintAndTheBiasesReachTheEngine() throws Exception {
        Steering steering = constrained();
        GenerationSettings s = SettingsMapper.settings(request(null, null, null), BEAMS, 10, 0, steering);
        assertSame(steering.constraint(), s.constraint());
        assertEquals(Map.of(7, -100.0), s.logitBias());
        assertNull(s.numBeams(), "the table never searches beams under a constraint");
        assertEquals(3, SettingsMapper.settings(request(null, null, null), BEAMS, 10, 0).numBeams());
        assertEquals("structure=json_object|logit_bias={7=-100.0}", steering.key());
    }

    @Test
    void whatAConstraintCannotRunWithIsRefused() throws Exception {
        Steering steering = constrained();
        for (var r : List.of(request(2, null, null), request(null, true, null), request(null, null, 3))) {
            LanternException e = assertThrows(LanternException.class,
                    () -> SettingsMapper.settings(r, AutoSettings.NONE, 10, 0, steering));
            assertTrue(List.of("num_beams", "ignore_eos", "min_tokens").contains(e.param()), e.param());
            assertTrue(e.getMessage().contains("response_format"), e.getMessage());
        }
    }

    @Test
    void aChatStreamSendsCallsAsToolCallFragments() {
        ChatFormat format = new ChatFormat("chatcmpl-1", 1, "m", null, null, ToolCallFormat.hermes());
        StringBuilder arguments = new StringBuilder();
        String name = null;
        String id = null;
        for (String piece : List.of("<tool", "_call>\n{\"name\": \"get_", "weather\", \"arguments\": {\"ci",
                "ty\": \"Paris\"}}\n</tool_call>")) {
            ChatCompletionChunk chunk = (ChatCompletionChunk) format.token(0, new TokenEvent(piece, 1, Float.NaN, List.of()));
            if (chunk == null) {
                continue;
            }
            ChatCompletionChunk.Delta delta = chunk.choices().get(0).delta();
            assertNull(delta.content(), "no content before or around a required call");
            for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
                assertEquals(0, call.index());
                if (call.id() != null) {
                    id = call.id();
                    assertEquals("function", call.type());
                    name = call.function().name();
                }
                arguments.append(call.function().arguments());
            }
        }
        ChatCompletionChunk last = (ChatCompletionChunk) format.finish(0, new GenerationResult("", new int[0],
                FinishReason.STOP, 1, 1, 0, Duration.ZERO, Duration.ZERO, List.of()));
        assertEquals("tool_calls", last.choices().get(0).finishReason());
        assertTrue(id.startsWith("call_"));
        assertEquals("get_weather", name);
        assertEquals("{\"city\": \"Paris\"}", arguments.toString());
    }

    @Test
    void aChatStreamWithoutACallIsContentToTheLastCharacter() {
        ChatFormat format = new ChatFormat("chatcmpl-1", 1, "m", null, null, ToolCallFormat.hermes());
        StringBuilder content = new StringBuilder();
        for (String piece : List.of("Sunny", " <tool")) {
            ChatCompletionChunk chunk = (ChatCompletionChunk) format.token(0, new TokenEvent(piece, 1, Float.NaN, List.of()));
            if (chunk != null) {
                content.append(chunk.choices().get(0).delta().content());
            }
        }
        ChatCompletionChunk last = (ChatCompletionChunk) format.finish(0, new GenerationResult("", new int[0],
                FinishReason.STOP, 1, 1, 0, Duration.ZERO, Duration.ZERO, List.of()));
        content.append(last.choices().get(0).delta().content());
        assertEquals("Sunny <tool", content.toString(), "the held-back start of what was no call is sent at the end");
        assertEquals("stop", last.choices().get(0).finishReason());
    }
}
