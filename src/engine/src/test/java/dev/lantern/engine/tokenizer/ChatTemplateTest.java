package dev.lantern.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.ChatMessage;
import dev.lantern.engine.EngineException;
import dev.lantern.engine.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplateTest {
    private static final Path DEMO = Path.of("../../models/docs-llama-8m");
    private static final Map<String, Object> TOKENS = Map.of("bos_token", "<s>", "eos_token", "</s>");

    @Test
    void chatMlOfTheDemoModelIsExact() throws Exception {
        TokenizerConfig tc = TokenizerConfig.read(DEMO.resolve("tokenizer_config.json"));
        ChatTemplate template = ChatTemplate.load(DEMO, tc);
        String text = template.render(List.of(new ChatMessage("system", "Be brief."),
                new ChatMessage("user", "Hi")), true);
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\n", text);
        assertEquals("<|im_start|>user\nHi<|im_end|>\n",
                template.render(List.of(new ChatMessage("user", "Hi")), false));
    }

    @Test
    void raiseExceptionInTheTemplateIsCarriedVerbatim() {
        ChatTemplate template = ChatTemplate.of("{% if messages[0]['role'] != 'user' %}"
                + "{{ raise_exception('first message must be from the user') }}{% endif %}{{ bos_token }}ok", TOKENS);
        assertEquals("<s>ok", template.render(List.of(new ChatMessage("user", "x")), true));
        TemplateException e = assertThrows(TemplateException.class,
                () -> template.render(List.of(new ChatMessage("assistant", "x")), true));
        assertTrue(e.raisedByTemplate());
        assertEquals("first message must be from the user", e.getMessage());
    }

    @Test
    void wholeOpenAiMessagesReachTheTemplateWithToolArgumentsParsed() {
        ChatTemplate template = ChatTemplate.of("{% for m in messages %}{{ m.role }}:{{ m.content is none }}:"
                + "{% for c in m.tool_calls|default([]) %}{{ c.function.arguments.city }}|{{ c.function.arguments is string }}"
                + "{% endfor %}{{ m.tool_call_id|default('') }}{{ m.name|default('') }};{% endfor %}{{ tools|length }}", TOKENS);
        Map<String, Object> assistant = new java.util.HashMap<>(Map.of("role", "assistant", "tool_calls", List.of(
                Map.of("id", "a", "function", Map.of("name", "w", "arguments", "{\"city\": \"Zürich\"}")),
                Map.of("id", "b", "function", Map.of("name", "w", "arguments", "not json")))));
        assistant.put("content", null);
        List<Map<String, Object>> messages = List.of(Map.of("role", "user", "content", "weather?", "name", "ann"),
                assistant, Map.of("role", "tool", "tool_call_id", "a", "content", "sunny"));
        String text = template.render(ChatTemplateArguments.of(messages, false).withTools(List.of(Map.of("type", "function"))));
        assertEquals("user:False:ann;assistant:True:Zürich|False|True;tool:False:a;1", text);
    }

    @Test
    void kwargsOverrideSpecialTokensButNotMessages() {
        ChatTemplate template = ChatTemplate.of("{{ bos_token }}{{ messages|length }}{{ flavour|default('-') }}"
                + "{{ add_generation_prompt }}{{ tools }}{{ documents }}", TOKENS);
        ChatTemplateArguments args = ChatTemplateArguments.of(List.of(Map.of("role", "user", "content", "x")), true);
        assertEquals("<s>1-TrueNoneNone", template.render(args));
        assertEquals("<B>1mintTrueNoneNone", template.render(args.withKwargs(
                Map.of("bos_token", "<B>", "flavour", "mint", "messages", List.of()))));
    }

    @Test
    void namedTemplatesAreChosenAsTransformersChooses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"bos_token\": {\"content\": \"<s>\"}, \"chat_template\": ["
                + "{\"name\": \"default\", \"template\": \"D{{ bos_token }}\"}, {\"name\": \"tool_use\", \"template\": \"T\"},"
                + "{\"name\": \"rag\", \"template\": \"R{{ documents|length }}\"}]}");
        ChatTemplate template = ChatTemplate.load(dir, TokenizerConfig.read(dir.resolve("tokenizer_config.json")));
        ChatTemplateArguments args = ChatTemplateArguments.of(List.of(), false);
        assertEquals("D<s>", template.render(args));
        assertEquals("T", template.render(args.withTools(List.of())));
        assertEquals("R1", template.render(args.withChatTemplate("rag").withDocuments(List.of(Map.of("text", "t")))));
        assertEquals("per-request 0", template.render(args.withChatTemplate("per-request {{ messages|length }}")));
        // the source a render would use, which tells how the template writes tool calls
        assertEquals("T", template.source(null, true));
        assertEquals("D{{ bos_token }}", template.source(null, false));
        assertEquals("R{{ documents|length }}", template.source("rag", true));
        assertEquals("own {{ x }}", template.source("own {{ x }}", false));
    }

    @Test
    void chatTemplateJinjaWinsOverTheConfigAsInTransformers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": \"from config\"}");
        assertEquals("from config", ChatTemplate.load(dir, TokenizerConfig.read(dir.resolve("tokenizer_config.json")))
                .render(ChatTemplateArguments.of(List.of(), false)));
        Files.writeString(dir.resolve("chat_template.jinja"), "from file\n");
        assertEquals("from file", ChatTemplate.load(dir, TokenizerConfig.read(dir.resolve("tokenizer_config.json")))
                .render(ChatTemplateArguments.of(List.of(), false)));
    }

    @Test
    void continueFinalMessageCutsAfterTheFinalMessage() {
        ChatTemplate template = ChatTemplate.of("{% for m in messages %}<{{ m.role }}>{{ m.content | trim }}</{{ m.role }}>"
                + "{% endfor %}", TOKENS);
        ChatTemplateArguments args = ChatTemplateArguments.of(List.of(Map.of("role", "user", "content", "Hi"),
                Map.of("role", "assistant", "content", "The answer is ")), false).withContinueFinalMessage(true);
        assertEquals("<user>Hi</user><assistant>The answer is", template.render(args));
        assertThrows(TemplateException.class, () -> template.render(ChatTemplateArguments.of(args.messages(), true)
                .withContinueFinalMessage(true)));
        ChatTemplate dropping = ChatTemplate.of("{% for m in messages %}{{ m.role }}{% endfor %}", TOKENS);
        assertTrue(assertThrows(TemplateException.class, () -> dropping.render(args)).getMessage()
                .contains("final message does not appear"));
    }

    @Test
    void aModelWithoutTemplateFailsOnlyWhenAChatIsRendered() {
        ChatTemplate none = ChatTemplate.of(null, TOKENS);
        EngineException e = assertThrows(TemplateException.class, () -> none.render(List.of(new ChatMessage("user", "x")), true));
        assertTrue(e.getMessage().contains("no chat_template"));
    }

    @Test
    void vllmPreparationGivesAStringTemplateStringsAndAPartsTemplateParts() {
        Map<String, Object> toolCall = new java.util.HashMap<>(Map.of("role", "assistant", "tool_calls", List.of()));
        toolCall.put("content", null);
        List<Map<String, Object>> messages = List.of(
                Map.of("role", "user", "content", List.of(textPart("a"), textPart("b"))),
                toolCall,
                Map.of("role", "tool", "tool_call_id", "x", "content", List.of(textPart("c"), textPart("d"))));
        ChatTemplateArguments args = ChatTemplateArguments.of(messages, false).withPreparation(MessagePreparation.VLLM);
        ChatTemplate strings = ChatTemplate.of("{% for m in messages %}[{{ m.content }}|{{ m.tool_calls is defined }}]"
                + "{% endfor %}", TOKENS);
        assertEquals("[a\nb|False][|False][c\nd|False]", strings.render(args));
        ChatTemplate parts = ChatTemplate.of("{% for m in messages %}[{% if m.content is string %}S:{{ m.content }}"
                + "{% else %}{% for p in m.content %}{{ p.text }};{% endfor %}{% endif %}]{% endfor %}", TOKENS);
        assertEquals("[a;b;][][S:c\nd]", parts.render(args));
        assertEquals("[[{'type': 'text', 'text': 'a'}, {'type': 'text', 'text': 'b'}]|False][None|True]"
                + "[[{'type': 'text', 'text': 'c'}, {'type': 'text', 'text': 'd'}]|False]",
                strings.render(args.withPreparation(MessagePreparation.TRANSFORMERS)), "transformers passes them as sent");
    }

    private static Map<String, Object> textPart(String text) {
        Map<String, Object> part = new java.util.LinkedHashMap<>();
        part.put("type", "text");
        part.put("text", text);
        return part;
    }

    @Test
    void vllmPreparationTurnsDeveloperIntoOneLeadingSystemUnlessTheTemplateKnowsDeveloper() {
        List<Map<String, Object>> messages = List.of(Map.of("role", "system", "content", "S"),
                Map.of("role", "user", "content", "U"), Map.of("role", "developer", "content", "D"));
        ChatTemplateArguments args = ChatTemplateArguments.of(messages, false).withPreparation(MessagePreparation.VLLM);
        String roles = "{% for m in messages %}{{ m.role }}={{ m.content }};{% endfor %}";
        assertEquals("system=S\n\nD;user=U;", ChatTemplate.of(roles, TOKENS).render(args));
        assertEquals("system=S;user=U;developer=D;",
                ChatTemplate.of(roles + "{# knows 'developer' #}", TOKENS).render(args));
        List<Map<String, Object>> plain = List.of(Map.of("role", "system", "content", "S"), Map.of("role", "user", "content", "U"));
        assertEquals("system=S;user=U;", ChatTemplate.of(roles, TOKENS).render(ChatTemplateArguments.of(plain, false)
                .withPreparation(MessagePreparation.VLLM)), "without a developer turn nothing is merged");
    }
}
