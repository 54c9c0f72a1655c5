package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What each token id contributes to the generated text, as raw bytes, read from tokenizer.json: byte-level BPE
 * (GPT-2, Llama 3, Qwen, Mistral Tekken: every character of a token stands for one byte), and SentencePiece-style
 * vocabularies ({@code ▁} for a space, {@code <0xNN>} byte-fallback tokens; Llama 2, Gemma). Special tokens have
 * no bytes: a document can never contain one (end-of-sequence is decided apart), though a grammar may name one
 * ({@link #specialTokenId}). Non-special added tokens (Qwen's {@code <tool_call>}) are their text.
 */
public final class TokenVocabulary {
    private static final char METASPACE = '\u2581';

    private final byte[][] bytes;
    private final Map<String, Integer> specialTokens;
    private volatile TokenTrie trie;

    TokenVocabulary(byte[][] bytes, Map<String, Integer> specialTokens) {
        this.bytes = bytes;
        this.specialTokens = Map.copyOf(specialTokens);
    }

    public static TokenVocabulary read(Path tokenizerJson) throws IOException {
        JsonNode t = new ObjectMapper().readTree(tokenizerJson.toFile());
        JsonNode model = t.path("model");
        String type = model.path("type").asText();
        boolean byteLevel = mentions(t.path("decoder"), "ByteLevel") || mentions(t.path("pre_tokenizer"), "ByteLevel");
        Map<Integer, String> pieces = new HashMap<>();
        if (type.equals("BPE") || type.equals("WordLevel")) {
            model.path("vocab").fields().forEachRemaining(e -> pieces.put(e.getValue().asInt(), e.getKey()));
        } else if (type.equals("Unigram")) {
            JsonNode vocab = model.path("vocab");
            for (int i = 0; i < vocab.size(); i++) {
                pieces.put(i, vocab.get(i).get(0).asText());
            }
        } else {
            throw new IllegalArgumentException("cannot constrain a " + type + " tokenizer: " + tokenizerJson);
        }
        boolean byteFallback = model.path("byte_fallback").asBoolean(false);
        Map<String, Integer> special = new HashMap<>();
        Map<Integer, byte[]> added = new HashMap<>();
        for (JsonNode a : t.path("added_tokens")) {
            int id = a.path("id").asInt();
            String content = a.path("content").asText();
            if (a.path("special").asBoolean(false)) {
                special.put(content, id);
                added.put(id, null);
            } else {
                // added text is matched before normalization, except that SentencePiece spells spaces with ▁
                added.put(id, byteLevel ? content.getBytes(StandardCharsets.UTF_8) : sentencePiece(content, false));
            }
            pieces.putIfAbsent(id, content);
        }
        int size = pieces.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        byte[][] bytes = new byte[size][];
        int[] unicodeToByte = ByteLevelAlphabet.unicodeToByte();
        for (Map.Entry<Integer, String> p : pieces.entrySet()) {
            int id = p.getKey();
            if (added.containsKey(id)) {
                bytes[id] = added.get(id);
            } else if (byteLevel) {
                bytes[id] = ByteLevelAlphabet.decode(p.getValue(), unicodeToByte);
            } else {
                bytes[id] = sentencePiece(p.getValue(), byteFallback);
            }
        }
        return new TokenVocabulary(bytes, special);
    }

    /** Token ids, including any without bytes: the length of a logits row the vocabulary covers. */
    public int size() {
        return bytes.length;
    }

    /** The bytes of a token, or null for a special token or an id the tokenizer does not know. */
    public byte[] bytes(int tokenId) {
        return tokenId >= 0 && tokenId < bytes.length ? bytes[tokenId] : null;
    }

    /** The id of a special token by its text ({@code [TOOL_CALLS]}, {@code <|python_tag|>}). */
    public OptionalInt specialTokenId(String content) {
        Integer id = specialTokens.get(content);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    TokenTrie trie() {
        TokenTrie t = trie;
        if (t == null) {
            t = TokenTrie.of(bytes);
            trie = t;
        }
        return t;
    }

    private static byte[] sentencePiece(String piece, boolean byteFallback) {
        if (byteFallback && piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
            } catch (NumberFormatException e) {
                // an ordinary piece that merely looks like a byte token
            }
        }
        return piece.replace(METASPACE, ' ').getBytes(StandardCharsets.UTF_8);
    }

    private static boolean mentions(JsonNode node, String type) {
        if (node.isObject()) {
            if (type.equals(node.path("type").asText())) {
                return true;
            }
            for (JsonNode child : node) {
                if (mentions(child, type)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (mentions(child, type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
