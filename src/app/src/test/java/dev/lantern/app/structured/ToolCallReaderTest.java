package dev.lantern.app.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.constraint.ToolCallFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tool calls read back out of answers in each format, whole and piece by piece: the pieces of a stream add up to
 * the whole answer's content and calls, however the text is cut.
 */
class ToolCallReaderTest {
    private static final String WEATHER = "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris \\\"Nord\\\"\", "
            + "\"days\": [1, {\"x\": \"}\"}]}}";
    private static final String NOW = "{\"name\": \"now\", \"arguments\": {}}";

    @Test
    void hermesCallsAreReadWithTheirArgumentsAsWritten() {
        ToolCallReader.Reading r = ToolCallReader.read(ToolCallFormat.hermes(),
                "<tool_call>\n" + WEATHER + "\n</tool_call>\n<tool_call>\n" + NOW + "\n</tool_call>");
        assertNull(r.content(), "an answer that only calls has no content");
        assertEquals(2, r.calls().size());
        assertEquals("get_weather", r.calls().get(0).name());
        assertEquals("{\"city\": \"Paris \\\"Nord\\\"\", \"days\": [1, {\"x\": \"}\"}]}", r.calls().get(0).arguments());
        assertEquals("now", r.calls().get(1).name());
        assertEquals("{}", r.calls().get(1).arguments());
        assertTrue(r.calls().get(0).id().matches("call_[A-Za-z0-9]{24}"));
        assertTrue(!r.calls().get(0).id().equals(r.calls().get(1).id()));
    }

    @Test
    void textBeforeACallIsContentAndTextWithoutOneIsAllContent() {
        ToolCallReader.Reading r = ToolCallReader.read(ToolCallFormat.hermes(),
                "Let me look.\n<tool_call>\n" + NOW + "\n</tool_call>");
        assertEquals("Let me look.\n", r.content());
        assertEquals(1, r.calls().size());
        ToolCallReader.Reading plain = ToolCallReader.read(ToolCallFormat.hermes(), "It is sunny. <tool_ca");
        assertEquals("It is sunny. <tool_ca", plain.content(), "a held-back start that was no call is content");
        assertEquals(List.of(), plain.calls());
    }

    @Test
    void llama3AndMistralCalls() {
        ToolCallReader.Reading llama = ToolCallReader.read(ToolCallFormat.llama3Json(),
                "{\"name\": \"now\", \"parameters\": {\"tz\": \"UTC\"}}");
        assertEquals("now", llama.calls().get(0).name());
        assertEquals("{\"tz\": \"UTC\"}", llama.calls().get(0).arguments());
        ToolCallFormat mistral = ToolCallStyle.MISTRAL.format(demoVocabulary());
        ToolCallReader.Reading m = ToolCallReader.read(mistral, "[" + WEATHER + ", " + NOW + "]");
        assertEquals(List.of("get_weather", "now"), m.calls().stream().map(ToolCall::name).toList());
    }

    @Test
    void aCallCutByMaxTokensIsReportedAsFarAsItWasWritten() {
        ToolCallReader.Reading r = ToolCallReader.read(ToolCallFormat.hermes(),
                "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Par");
        assertEquals(1, r.calls().size());
        assertEquals("{\"city\": \"Par", r.calls().get(0).arguments());
        assertEquals(0, ToolCallReader.read(ToolCallFormat.hermes(), "<tool_call>\n{\"name\": \"get_w").calls().size());
    }

    @Test
    void streamedPiecesAddUpToTheWholeAnswer() {
        String text = "Checking.\n<tool_call>\n" + WEATHER + "\n</tool_call>\n<tool_call>\n" + NOW + "\n</tool_call>";
        ToolCallReader.Reading whole = ToolCallReader.read(ToolCallFormat.hermes(), text);
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Collected c = new Collected();
            ToolCallReader reader = new ToolCallReader(ToolCallFormat.hermes(), c);
            for (int at = 0; at < text.length(); ) {
                int next = Math.min(text.length(), at + 1 + random.nextInt(round % 2 == 0 ? 3 : 12));
                reader.push(text.substring(at, next));
                at = next;
            }
            reader.finish();
            assertEquals(whole.content(), c.content.toString());
            assertEquals(whole.calls().stream().map(ToolCall::name).toList(), c.names);
            assertEquals(whole.calls().stream().map(ToolCall::arguments).toList(),
                    c.arguments.stream().map(StringBuilder::toString).toList());
        }
    }

    /** The demo vocabulary has no [TOOL_CALLS] token: Mistral calls open with the array itself. */
    private static dev.lantern.engine.constraint.TokenVocabulary demoVocabulary() {
        try {
            java.nio.file.Path demo = java.nio.file.Path.of("../../models/docs-llama-8m/tokenizer.json");
            return dev.lantern.engine.constraint.TokenVocabulary.read(demo);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class Collected implements ToolCallReader.Listener {
        final StringBuilder content = new StringBuilder();
        final List<String> names = new ArrayList<>();
        final List<StringBuilder> arguments = new ArrayList<>();

        @Override
        public void content(String text) {
            content.append(text);
        }

        @Override
        public void callStarted(int index, String id, String name) {
            assertEquals(names.size(), index);
            names.add(name);
            arguments.add(new StringBuilder());
        }

        @Override
        public void arguments(int index, String fragment) {
            arguments.get(index).append(fragment);
        }
    }
}
