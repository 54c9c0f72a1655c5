package dev.lantern.engine.template;

/**
 * The escapes of a string literal in a template, decoded as jinja2 decodes them (Python's
 * {@code unicode-escape}): an unknown escape keeps its backslash, an escaped newline disappears.
 */
final class StringEscapes {
    private StringEscapes() {
    }

    static String decode(String literal) {
        if (literal.indexOf('\\') < 0) {
            return literal;
        }
        StringBuilder out = new StringBuilder(literal.length());
        int i = 0;
        while (i < literal.length()) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = literal.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(literal, i, 2, out);
                case 'u' -> i = hex(literal, i, 4, out);
                case 'U' -> i = hex(literal, i, 8, out);
                case 'N' -> i = named(literal, i, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < literal.length() && end < i + 2 && literal.charAt(end) >= '0' && literal.charAt(end) <= '7') {
                            end++;
                        }
                        out.appendCodePoint(Integer.parseInt(literal.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String s, int from, int digits, StringBuilder out) {
        if (from + digits > s.length()) {
            throw new TemplateException("truncated \\x, \\u or \\U escape in a string literal");
        }
        try {
            out.appendCodePoint(Integer.parseUnsignedInt(s.substring(from, from + digits), 16));
        } catch (IllegalArgumentException e) {
            throw new TemplateException("malformed \\x, \\u or \\U escape in a string literal");
        }
        return from + digits;
    }

    private static int named(String s, int from, StringBuilder out) {
        int close = s.indexOf('}', from);
        if (from >= s.length() || s.charAt(from) != '{' || close < 0) {
            throw new TemplateException("malformed \\N character escape in a string literal");
        }
        try {
            out.appendCodePoint(Character.codePointOf(s.substring(from + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new TemplateException("unknown Unicode character name in a string literal");
        }
        return close + 1;
    }
}
