package dev.lantern.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model's tokenizer. Plain text ({@link #encode}) gets BOS/EOS only when tokenizer_config.json asks for
 * them; a rendered chat ({@link #encodeChat}) gets none, because its template already wrote them. Special
 * tokens written in the text are recognised as single ids either way. Nothing is truncated or padded here
 * unless asked: the generation layer checks limits itself.
 */
public final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private TextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static TextTokenizer load(Path tokenizerJson, boolean addSpecialTokens) throws IOException {
        return load(tokenizerJson, addSpecialTokens, -1);
    }

    /** @param truncateTo cut encodings to this many tokens, or -1 for never */
    public static TextTokenizer load(Path tokenizerJson, boolean addSpecialTokens, int truncateTo) throws IOException {
        Map<String, String> options = truncateTo > 0
                ? Map.of("addSpecialTokens", String.valueOf(addSpecialTokens), "padding", "false",
                        "truncation", "true", "maxLength", String.valueOf(truncateTo))
                : Map.of("addSpecialTokens", String.valueOf(addSpecialTokens), "padding", "false",
                        "truncation", "false", "modelMaxLength", String.valueOf(Integer.MAX_VALUE));
        return new TextTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options));
    }

    public int[] encode(String text) {
        return toInts(tokenizer.encode(text).getIds());
    }

    /**
     * A chat as its template rendered it, encoded as transformers' {@code apply_chat_template(tokenize=True)}
     * does ({@code tokenizer(text, add_special_tokens=False)}): no second BOS when the template wrote one.
     */
    public int[] encodeChat(String renderedChat) {
        return toInts(tokenizer.encode(renderedChat, false, false).getIds());
    }

    public String decode(int[] ids, int from, int to) {
        long[] slice = new long[to - from];
        for (int i = from; i < to; i++) {
            slice[i - from] = ids[i];
        }
        return tokenizer.decode(slice, true);
    }

    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
