package dev.lantern.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token strings as transformers' convert_ids_to_tokens gives them, and decoding with special tokens kept. */
class TokenStringsTest {
    private static final Path DEMO = Path.of("../../models/docs-llama-8m/tokenizer.json");

    @Test
    void eachIdComesWithItsVocabularyString() throws Exception {
        try (TextTokenizer t = TextTokenizer.load(DEMO, false)) {
            TokenizedText chat = t.tokenize("<|im_start|>user\nHello world<|im_end|>", false);
            assertArrayEquals(t.encodeChat("<|im_start|>user\nHello world<|im_end|>"), chat.ids());
            assertEquals(chat.ids().length, chat.strings().size());
            assertEquals("<|im_start|>", chat.strings().get(0));
            assertEquals("<|im_end|>", chat.strings().get(chat.strings().size() - 1));
            assertEquals(List.of("Ġworld"), chat.strings().stream().filter(s -> s.endsWith("world")).toList(),
                    "byte-level BPE strings, as in the vocabulary");
        }
    }

    @Test
    void decodingKeepsSpecialTokensUnlessTheyAreSkipped() throws Exception {
        try (TextTokenizer t = TextTokenizer.load(DEMO, false)) {
            int[] ids = t.encodeChat("<|im_start|>user\nHi<|im_end|>");
            assertEquals("<|im_start|>user\nHi<|im_end|>", t.decode(ids, false));
            assertEquals("user\nHi", t.decode(ids, true));
        }
    }
}
