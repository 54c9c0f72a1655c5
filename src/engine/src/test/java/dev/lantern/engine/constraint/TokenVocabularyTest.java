package dev.lantern.engine.constraint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.conformance.RealTokenizers;
import dev.lantern.engine.tokenizer.TextTokenizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Token bytes read from tokenizer.json agree with the tokenizer itself, for the demo model and every real family. */
class TokenVocabularyTest {
    static final Path DEMO = Path.of("../../models/docs-llama-8m/tokenizer.json");
    private static final List<String> TEXTS = List.of(
            "{\"name\": \"Zoë\", \"age\": 42, \"tags\": [\"a\", \"b\"]}",
            "Plain text, with    spaces\tand\nnew lines.",
            "Ünïcödé — 日本語のテキスト 😀🎉 and \\u escapes \"quoted\"",
            "{\"nested\":{\"deep\":[1,2.5,-3e10,true,false,null]}}");

    @Test
    void demoTokenizerBytesSpellTheText() throws Exception {
        try (TextTokenizer t = TextTokenizer.load(DEMO, false)) {
            checkSpelling(TokenVocabulary.read(DEMO), t);
        }
    }

    @TestFactory
    Stream<? extends DynamicNode> realTokenizerBytesSpellTheText() {
        return RealTokenizers.each("token bytes", family -> List.of(DynamicTest.dynamicTest("spells texts", () -> {
            Path file = Path.of("target/conformance/models", family.name(), "tokenizer.json");
            TokenVocabulary v = TokenVocabulary.read(file);
            checkSpelling(v, family.tokenizer());
            checkSingleTokens(v, family.tokenizer());
        })));
    }

    @TestFactory
    Stream<? extends DynamicNode> specialTokensHaveNoBytes() {
        return RealTokenizers.each("special tokens", family -> List.of(DynamicTest.dynamicTest("no bytes", () -> {
            TokenVocabulary v = TokenVocabulary.read(Path.of("target/conformance/models", family.name(),
                    "tokenizer.json"));
            for (String special : List.of("<|im_end|>", "<|eot_id|>", "</s>", "<eos>", "[TOOL_CALLS]")) {
                v.specialTokenId(special).ifPresent(id -> assertNull(v.bytes(id), special));
            }
        })));
    }

    private static void checkSpelling(TokenVocabulary v, TextTokenizer tokenizer) {
        for (String text : TEXTS) {
            int[] ids = tokenizer.encode(text);
            ByteArrayOutputStream spelled = new ByteArrayOutputStream();
            for (int id : ids) {
                byte[] b = v.bytes(id);
                assertTrue(b != null, "token " + id + " has no bytes");
                spelled.writeBytes(b);
            }
            String got = spelled.toString(StandardCharsets.UTF_8);
            // SentencePiece normalizers put a space before the text; the decoder strips it again
            assertEquals(text, got.startsWith(" ") && !text.startsWith(" ") ? got.substring(1) : got);
        }
    }

    /** Every token whose bytes are whole UTF-8 decodes, alone, to those bytes (as far as the decoder keeps them). */
    private static void checkSingleTokens(TokenVocabulary v, TextTokenizer tokenizer) {
        int checked = 0;
        for (int id = 0; id < v.size(); id += 97) {
            byte[] b = v.bytes(id);
            if (b == null || !wholeUtf8(b)) {
                continue;
            }
            String decoded = tokenizer.decode(new int[] {id});
            String expected = new String(b, StandardCharsets.UTF_8);
            if (!decoded.equals(expected) && decoded.equals(expected.stripLeading())) {
                continue; // the SentencePiece decoder strips the leading space of a text's first token
            }
            assertArrayEquals(b, decoded.getBytes(StandardCharsets.UTF_8), "token " + id);
            checked++;
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    private static boolean wholeUtf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length == b.length
                && !new String(b, StandardCharsets.UTF_8).contains("\uFFFD");
    }
}
