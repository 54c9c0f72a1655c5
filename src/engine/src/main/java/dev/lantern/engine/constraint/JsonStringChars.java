package dev.lantern.engine.constraint;

/**
 * How a code point is written inside a JSON string, as byte edges of an {@link Nfa}: one spelling per code point,
 * so that counting characters stays exact. {@code "} and {@code \} and the control characters take their short
 * escapes ({@code \"}, {@code \\}, {@code \n}, ...) or a six-character escape with lower-case hex (as Python's json.dumps);
 * everything else is its UTF-8 bytes. Surrogates cannot occur: they have no UTF-8 form and a lone surrogate escape is
 * not a character.
 */
final class JsonStringChars {
    private static final CharSet ESCAPED = CharSet.range(0, 0x1F).union(CharSet.ofString("\"\\"));
    private static final CharSet SURROGATES = CharSet.range(0xD800, 0xDFFF);

    private JsonStringChars() {
    }

    static void addEdges(Nfa nfa, int from, int to, CharSet chars) {
        for (int i = 0; i < chars.rangeCount(); i++) {
            for (int c = Math.max(chars.lo(i), 0); c <= Math.min(chars.hi(i), 0x5C); c++) {
                if (ESCAPED.contains(c)) {
                    path(nfa, from, to, escape(c));
                }
            }
        }
        CharSet raw = chars.minus(ESCAPED).minus(SURROGATES);
        for (int i = 0; i < raw.rangeCount(); i++) {
            utf8(nfa, from, to, raw.lo(i), raw.hi(i));
        }
    }

    static String escape(int c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", c);
        };
    }

    private static void path(Nfa nfa, int from, int to, String ascii) {
        int at = from;
        for (int i = 0; i < ascii.length(); i++) {
            int next = i == ascii.length() - 1 ? to : nfa.newState();
            nfa.symbols(at, ascii.charAt(i), ascii.charAt(i), next);
            at = next;
        }
    }

    /** Splits [lo, hi] until every byte position of the UTF-8 forms is one contiguous range (as Rust's utf8-ranges). */
    private static void utf8(Nfa nfa, int from, int to, int lo, int hi) {
        if (lo > hi) {
            return;
        }
        for (int max : new int[] {0x7F, 0x7FF, 0xFFFF}) {
            if (lo <= max && hi > max) {
                utf8(nfa, from, to, lo, max);
                utf8(nfa, from, to, max + 1, hi);
                return;
            }
        }
        int length = lo <= 0x7F ? 1 : lo <= 0x7FF ? 2 : lo <= 0xFFFF ? 3 : 4;
        for (int i = 1; i < length; i++) {
            int m = (1 << (6 * i)) - 1;
            if ((lo & ~m) != (hi & ~m)) {
                if ((lo & m) != 0) {
                    utf8(nfa, from, to, lo, lo | m);
                    utf8(nfa, from, to, (lo | m) + 1, hi);
                    return;
                }
                if ((hi & m) != m) {
                    utf8(nfa, from, to, lo, (hi & ~m) - 1);
                    utf8(nfa, from, to, hi & ~m, hi);
                    return;
                }
            }
        }
        byte[] a = new String(Character.toChars(lo)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = new String(Character.toChars(hi)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = from;
        for (int k = 0; k < length; k++) {
            int next = k == length - 1 ? to : nfa.newState();
            nfa.symbols(at, a[k] & 0xFF, b[k] & 0xFF, next);
            at = next;
        }
    }
}
