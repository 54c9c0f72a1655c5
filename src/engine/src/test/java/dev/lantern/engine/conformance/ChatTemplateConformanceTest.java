package dev.lantern.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.engine.template.TemplateException;
import dev.lantern.engine.tokenizer.ChatTemplate;
import dev.lantern.engine.tokenizer.ChatTemplateArguments;
import dev.lantern.engine.tokenizer.MessagePreparation;
import dev.lantern.engine.tokenizer.TokenizerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every template of the corpus (real ones from the model families' tokenizer packages, and the project's own,
 * which exercise every construct real templates use) rendered with every conversation, compared byte for byte
 * with Python's jinja2 rendering them as transformers does, the messages prepared both as transformers takes
 * them and as vLLM's OpenAI server prepares them (the oracle decides vLLM's content format on jinja2's own
 * syntax tree). An expected failure must fail here too, and a template's own {@code raise_exception} message
 * must come through verbatim.
 */
class ChatTemplateConformanceTest {
    private static final String EXPECTED = "templates-expected.json";

    @TestFactory
    Stream<DynamicTest> rendersExactlyAsTransformers() {
        String missing = Conformance.missingBecause(EXPECTED);
        if (missing != null) {
            return Conformance.skipped("chat template conformance", missing);
        }
        JsonNode expected = Conformance.read(Conformance.BUILT.resolve(EXPECTED));
        Map<String, JsonNode> conversations = new HashMap<>();
        Conformance.read(Conformance.SOURCES.resolve("conversations.json"))
                .forEach(c -> conversations.put(c.path("name").asText(), c));
        Clock clock = Clock.fixed(LocalDateTime.parse(expected.path("now").asText()).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);
        System.out.printf("[conformance] chat templates: %d templates x %d conversations = %d cases (jinja2 %s)%n",
                expected.path("templates").asInt(), expected.path("conversations").asInt(),
                expected.path("cases").size(), expected.path("jinja2").asText());
        return StreamSupport.stream(expected.path("cases").spliterator(), false).map(c -> DynamicTest.dynamicTest(
                c.path("template").asText() + " / " + c.path("conversation").asText() + " / "
                        + c.path("preparation").asText(),
                () -> check(c, conversations.get(c.path("conversation").asText()), clock)));
    }

    private static void check(JsonNode testCase, JsonNode conversation, Clock clock) throws IOException {
        JsonNode origin = testCase.path("origin");
        ChatTemplate template = (origin.has("model") ? loadModel(origin.path("model").asText())
                : ChatTemplate.of(Files.readString(Conformance.SOURCES.resolve("templates").resolve(origin.path("file").asText())),
                        plain(testCase.path("special_tokens")))).withClock(clock);
        ChatTemplateArguments arguments = arguments(conversation, origin.path("name").asText(null))
                .withPreparation(MessagePreparation.valueOf(testCase.path("preparation").asText().toUpperCase(Locale.ROOT)));
        if (testCase.path("error").isNull()) {
            String rendered = template.render(arguments);
            String want = testCase.path("output").asText();
            assertEquals(want, rendered, () -> difference(want, rendered));
            return;
        }
        TemplateException e = assertThrows(TemplateException.class, () -> template.render(arguments),
                () -> "jinja2 failed with: " + testCase.path("error").asText());
        if (testCase.path("raised").asBoolean()) {
            assertTrue(e.raisedByTemplate(), "expected the template's raise_exception, got: " + e.getMessage());
            assertEquals(testCase.path("error").asText(), e.getMessage());
        }
    }

    private static ChatTemplate loadModel(String family) throws IOException {
        Path dir = Conformance.BUILT.resolve("models").resolve(family);
        return ChatTemplate.load(dir, TokenizerConfig.read(dir.resolve("tokenizer_config.json")));
    }

    static ChatTemplateArguments arguments(JsonNode c, String templateName) {
        return new ChatTemplateArguments(plainList(c.path("messages")), c.has("tools") ? plainList(c.path("tools")) : null,
                c.has("documents") ? plainList(c.path("documents")) : null, c.path("add_generation_prompt").asBoolean(),
                c.path("continue_final_message").asBoolean(), templateName,
                c.has("chat_template_kwargs") ? plain(c.path("chat_template_kwargs")) : Map.of());
    }

    private static Map<String, Object> plain(JsonNode node) {
        return Conformance.JSON.convertValue(node, Conformance.JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
    }

    private static List<Object> plainList(JsonNode node) {
        return Conformance.JSON.convertValue(node, Conformance.JSON.getTypeFactory()
                .constructCollectionType(List.class, Object.class));
    }

    /** Where the texts first differ, with some context of each, escaped as JSON so whitespace shows. */
    private static String difference(String want, String got) {
        int i = 0;
        while (i < want.length() && i < got.length() && want.charAt(i) == got.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 40);
        try {
            return "first difference at char " + i + ": jinja2 " + Conformance.JSON.writeValueAsString(
                    want.substring(from, Math.min(want.length(), i + 60))) + " vs Lantern "
                    + Conformance.JSON.writeValueAsString(got.substring(from, Math.min(got.length(), i + 60)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
