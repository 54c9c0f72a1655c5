package dev.lantern.engine.tokenizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes untrusted text (a retrieved passage, a user's document) unable to produce the model's added and
 * special tokens: wherever one of their strings occurs ({@code </s>}, {@code [INST]}, {@code <start_of_turn>},
 * {@code <|im_start|>}, DeepSeek's {@code <｜User｜>}, ...), a zero-width space is inserted after its first
 * character, so the tokenizer reads ordinary text there instead of a control token. Tokens of one character
 * or of whitespace only (Gemma's runs of newlines) cannot be broken this way and carry no control meaning, so
 * they are left alone. Immutable and thread-safe; build one per tokenizer.
 */
public final class TokenNeutralizer {
    /** U+200B ZERO WIDTH SPACE: invisible, and no tokenizer here normalises it away. */
    public static final char BREAK = '\u200B';
    private final Map<Integer, List<String>> byFirstCodePoint = new HashMap<>();

    public TokenNeutralizer(Collection<String> tokens) {
        for (String token : tokens) {
            if (breakable(token)) {
                byFirstCodePoint.computeIfAbsent(token.codePointAt(0), k -> new ArrayList<>()).add(token);
            }
        }
        byFirstCodePoint.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
    }

    /** Whether {@link #neutralize} breaks {@code token}: two characters or more, not only whitespace. */
    public static boolean breakable(String token) {
        return token.codePointCount(0, token.length()) >= 2 && token.indexOf(BREAK) < 0
                && !token.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\u2581');
    }

    public String neutralize(String untrusted) {
        StringBuilder out = null;
        int i = 0;
        while (i < untrusted.length()) {
            int cp = untrusted.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (startsToken(untrusted, i, cp)) {
                if (out == null) {
                    out = new StringBuilder(untrusted.length() + 16).append(untrusted, 0, i);
                }
                out.append(untrusted, i, next).append(BREAK);
            } else if (out != null) {
                out.append(untrusted, i, next);
            }
            i = next;
        }
        return out == null ? untrusted : out.toString();
    }

    private boolean startsToken(String text, int at, int cp) {
        List<String> candidates = byFirstCodePoint.get(cp);
        if (candidates != null) {
            for (String token : candidates) {
                if (text.startsWith(token, at)) {
                    return true;
                }
            }
        }
        return false;
    }
}
