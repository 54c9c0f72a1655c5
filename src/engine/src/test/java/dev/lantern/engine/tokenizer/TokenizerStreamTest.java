package dev.lantern.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenizerStreamTest {
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        tokenizer = TextTokenizer.load(Path.of("../../models/docs-llama-8m/tokenizer.json"), false);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void multiByteCharactersAreNeverSplitAcrossDeltas() {
        String text = "Grüße, 日本語 and 🙂 emoji: naïve café.";
        int[] ids = tokenizer.encode(text);
        assertTrue(ids.length > text.codePointCount(0, text.length()) / 2);
        TokenizerStream stream = new TokenizerStream(tokenizer);
        List<String> deltas = new ArrayList<>();
        boolean heldBack = false;
        for (int id : ids) {
            String delta = stream.next(id);
            heldBack |= delta.isEmpty();
            deltas.add(delta);
        }
        deltas.add(stream.flush());
        assertTrue(heldBack, "some token ends inside a character, so the stream must have waited");
        deltas.forEach(d -> assertFalse(d.contains("\uFFFD"), "split character in delta '" + d + "'"));
        assertEquals(tokenizer.decode(ids), String.join("", deltas));
        assertEquals(text, String.join("", deltas));
    }

    @Test
    void encodingAddsNoSpecialTokensAndDoesNotTruncate() {
        String longText = "word ".repeat(3000);
        int[] ids = tokenizer.encode(longText);
        assertTrue(ids.length >= 3000, "got " + ids.length);
        assertEquals(longText, tokenizer.decode(ids));
        assertEquals(tokenizer.encode("hello").length, tokenizer.encode("hello").length);
        assertFalse(tokenizer.encode("hello")[0] == 1, "no <|im_start|> added");
    }
}
