package dev.lantern.engine.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model's tokenizer. Plain text ({@link #encode}) gets BOS/EOS only when tokenizer_config.json asks for
 * them; a rendered chat ({@link #encodeChat}) gets none, because its template already wrote them. Special
 * tokens written in the text are recognised as single ids either way. Nothing is truncated or padded here
 * unless asked: the generation layer checks limits itself.
 */
public final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final List<String> addedTokens;
    private final TokenNeutralizer neutralizer;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, List<String> addedTokens) {
        this.tokenizer = tokenizer;
        this.addedTokens = List.copyOf(addedTokens);
        this.neutralizer = new TokenNeutralizer(addedTokens);
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
        return new TextTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options), addedTokens(tokenizerJson));
    }

    /**
     * The strings of the model's added tokens, special or not (tokenizer.json's {@code added_tokens}): exactly
     * what the tokenizer matches in text before anything else, so what untrusted text must not contain.
     */
    public List<String> addedTokens() {
        return addedTokens;
    }

    /** Breaks every added token's string in {@code untrusted}; see {@link TokenNeutralizer}. */
    public String neutralize(String untrusted) {
        return neutralizer.neutralize(untrusted);
    }

    /** Streams tokenizer.json for its added_tokens only: the vocabulary around them can be tens of megabytes. */
    private static List<String> addedTokens(Path tokenizerJson) throws IOException {
        List<String> contents = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(tokenizerJson.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return contents;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("added_tokens") || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        if (key.equals("content")) {
                            contents.add(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
        }
        return contents;
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

    /**
     * {@code text} as ids with their vocabulary strings: special tokens added as {@link #encode} adds them, or
     * none, as {@link #encodeChat}.
     */
    public TokenizedText tokenize(String text, boolean addSpecialTokens) {
        Encoding encoding = addSpecialTokens ? tokenizer.encode(text) : tokenizer.encode(text, false, false);
        return new TokenizedText(toInts(encoding.getIds()), List.of(encoding.getTokens()));
    }

    /** The text of {@code ids}, special tokens written out unless skipped. */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(toLongs(ids, 0, ids.length), skipSpecialTokens);
    }

    public String decode(int[] ids, int from, int to) {
        return tokenizer.decode(toLongs(ids, from, to), true);
    }

    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    private static long[] toLongs(int[] ids, int from, int to) {
        long[] slice = new long[to - from];
        for (int i = from; i < to; i++) {
            slice[i - from] = ids[i];
        }
        return slice;
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
