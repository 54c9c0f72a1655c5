package dev.lantern.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.ChatMessage;
import dev.lantern.engine.EngineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    private static final Path DEMO = Path.of("../../models/docs-llama-8m");

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
    void raiseExceptionInTheTemplateBecomesAnEngineException() {
        ChatTemplate template = ChatTemplate.of("{% if messages[0]['role'] != 'user' %}"
                + "{{ raise_exception('first message must be from the user') }}{% endif %}{{ bos_token }}ok",
                Map.of("bos_token", "<s>", "eos_token", "</s>"));
        assertEquals("<s>ok", template.render(List.of(new ChatMessage("user", "x")), true));
        EngineException e = assertThrows(EngineException.class,
                () -> template.render(List.of(new ChatMessage("assistant", "x")), true));
        assertTrue(e.getMessage().contains("first message must be from the user"), e.getMessage());
    }
}
