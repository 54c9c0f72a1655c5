package dev.lantern.engine.tokenizer;

import java.util.Arrays;

/**
 * Decodes one token at a time. Byte-level tokenizers split characters across tokens, so a window that
 * decodes to text ending in U+FFFD is held back until the character is complete. Only a short window of
 * recent tokens is decoded per call (the prefix/read offsets of Hugging Face's text-generation-inference),
 * so the cost per token stays constant.
 */
public final class TokenizerStream {
    private static final char REPLACEMENT = '\uFFFD';
    private final TextTokenizer tokenizer;
    private int[] ids = new int[64];
    private int size;
    private int prefixOffset;
    private int readOffset;

    public TokenizerStream(TextTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Returns the new text this token completes, possibly empty. */
    public String next(int tokenId) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = tokenId;
        String prefix = tokenizer.decode(ids, prefixOffset, readOffset);
        String full = tokenizer.decode(ids, prefixOffset, size);
        if (full.length() > prefix.length() && full.charAt(full.length() - 1) != REPLACEMENT) {
            prefixOffset = readOffset;
            readOffset = size;
            return full.substring(prefix.length());
        }
        return "";
    }

    /** The text still held back (an incomplete character at the end of the sequence), then nothing. */
    public String flush() {
        String prefix = tokenizer.decode(ids, prefixOffset, readOffset);
        String full = tokenizer.decode(ids, prefixOffset, size);
        prefixOffset = readOffset = size;
        return full.length() > prefix.length() ? full.substring(prefix.length()) : "";
    }
}
