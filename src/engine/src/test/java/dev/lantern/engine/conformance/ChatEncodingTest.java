package dev.lantern.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.tokenizer.ChatTemplate;
import dev.lantern.engine.tokenizer.ChatTemplateArguments;
import dev.lantern.engine.tokenizer.TextTokenizer;
import dev.lantern.engine.tokenizer.TokenizerConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A rendered chat is encoded as transformers' {@code apply_chat_template(tokenize=True)} encodes it: the BOS
 * the template wrote is the only BOS, even for tokenizers that add one to plain text (Llama 2, Gemma), and every
 * special token the template wrote is one id.
 */
class ChatEncodingTest {

    @TestFactory
    Stream<? extends DynamicNode> theTemplatesBosIsTheOnlyBos() {
        return RealTokenizers.each("chat encoding", family -> List.of(DynamicTest.dynamicTest("bos once", () -> {
            Path dir = Conformance.BUILT.resolve("models").resolve(family.name());
            TokenizerConfig config = TokenizerConfig.read(dir.resolve("tokenizer_config.json"));
            String bos = config.bosToken();
            TextTokenizer plain = family.tokenizer();
            if (bos == null || config.chatTemplate() == null) {
                System.out.println("[conformance] " + family.name() + ": no BOS or no template, nothing to check");
                return;
            }
            String chat = ChatTemplate.load(dir, config).render(ChatTemplateArguments.of(
                    List.of(Map.of("role", "user", "content", "Hi")), true));
            int bosId = plain.encodeChat(bos)[0];
            int[] ids = plain.encodeChat(chat);
            long bosCount = Arrays.stream(ids).filter(id -> id == bosId).count();
            assertEquals(chat.startsWith(bos) ? 1 : 0, bosCount, () -> chat + " -> " + Arrays.toString(ids));
            if (config.addBosToken() || config.addEosToken()) {
                try (TextTokenizer addingBos = TextTokenizer.load(dir.resolve("tokenizer.json"), true)) {
                    assertEquals(bosCount, Arrays.stream(addingBos.encodeChat(chat)).filter(id -> id == bosId).count(),
                            "encodeChat adds nothing even where the engine loads the tokenizer to add special tokens");
                    if (Arrays.stream(addingBos.encode(chat)).filter(id -> id == bosId).count() != bosCount) {
                        System.out.println("[conformance] " + family.name() + ": plain-text encoding would add a second BOS");
                    }
                }
            }
            for (String special : plain.addedTokens()) {
                if (chat.contains(special) && special.length() > 1) {
                    assertEquals(1, plain.encodeChat(special).length, special);
                    assertTrue(Arrays.stream(ids).anyMatch(id -> id == plain.encodeChat(special)[0]), special);
                }
            }
        })));
    }
}
