package dev.lantern.engine.template;

import dev.lantern.engine.template.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a template into tokens exactly as jinja2's lexer does with {@code trim_blocks=True,
 * lstrip_blocks=True}: whitespace control by {@code -}/{@code +}, the first newline after a block or comment
 * tag dropped, the indentation before a block or comment tag on its own line dropped, one trailing newline of
 * the source dropped, {@code {% raw %}} kept verbatim, and a tag's end recognised only while brackets inside
 * it are balanced. Chat templates depend on every one of these rules for their whitespace, byte for byte.
 * Longer than most classes because the rules interlock and read best in one place.
 */
final class Lexer {
    private static final String[] OPERATORS = {"**", "//", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~",
            "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"};

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int countedTo;
    private boolean lineStarting = true;

    private Lexer(String source) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        this.src = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            int tag = nextTagStart(pos);
            if (tag < 0) {
                data(src.substring(pos));
                moveTo(src.length());
                break;
            }
            char type = src.charAt(tag + 1);
            int afterDelimiter = tag + 2;
            char sign = afterDelimiter < src.length() && isSign(src.charAt(afterDelimiter)) ? src.charAt(afterDelimiter) : 0;
            int rawEnd = type == '%' ? rawBeginEnd(tag, sign) : -1;
            data(stripBeforeTag(src.substring(pos, tag), sign, type == '{'));
            moveTo(sign == 0 ? afterDelimiter : afterDelimiter + 1);
            if (rawEnd >= 0) {
                moveTo(rawEnd);
                raw();
            } else if (type == '#') {
                comment();
            } else {
                tag(type == '%');
            }
        }
        tokens.add(new Token(Kind.EOF, "", line));
    }

    private int nextTagStart(int from) {
        for (int i = src.indexOf('{', from); i >= 0 && i + 1 < src.length(); i = src.indexOf('{', i + 1)) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
        }
        return -1;
    }

    /** jinja2's OptionalLStrip: '-' strips all whitespace; otherwise lstrip_blocks drops the indentation. */
    private String stripBeforeTag(String text, char sign, boolean variable) {
        if (sign == '-') {
            return Py.rstrip(text, null);
        }
        if (sign == '+' || variable) {
            return text;
        }
        int lineStart = text.lastIndexOf('\n') + 1;
        if (lineStart > 0 || lineStarting) {
            for (int i = lineStart; i < text.length(); i++) {
                if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                    return text;
                }
            }
            return text.substring(0, lineStart);
        }
        return text;
    }

    /** End of {@code {% raw %}} (the opening tag), or -1 when the block tag at {@code tag} is not raw. */
    private int rawBeginEnd(int tag, char sign) {
        int p = skipSpace(tag + 2 + (sign == 0 ? 0 : 1));
        if (!src.startsWith("raw", p)) {
            return -1;
        }
        p = skipSpace(p + 3);
        if (src.startsWith("-%}", p)) {
            return skipSpace(p + 3);
        }
        return src.startsWith("%}", p) ? p + 2 : -1;
    }

    private void raw() {
        for (int i = src.indexOf("{%", pos); i >= 0; i = src.indexOf("{%", i + 1)) {
            char sign = i + 2 < src.length() && isSign(src.charAt(i + 2)) ? src.charAt(i + 2) : 0;
            int p = skipSpace(i + 2 + (sign == 0 ? 0 : 1));
            if (!src.startsWith("endraw", p)) {
                continue;
            }
            int end = blockEnd(skipSpace(p + 6));
            if (end >= 0) {
                data(stripBeforeTag(src.substring(pos, i), sign, false));
                moveTo(end);
                return;
            }
        }
        throw TemplateException.syntax("missing end of raw directive", line);
    }

    private void comment() {
        for (int i = pos; i + 1 < src.length(); i++) {
            if ((src.charAt(i) == '-' || src.charAt(i) == '+') && src.startsWith("#}", i + 1)) {
                moveTo(src.charAt(i) == '-' ? skipSpace(i + 3) : i + 3);
                return;
            }
            if (src.startsWith("#}", i)) {
                moveTo(i + 2 < src.length() && src.charAt(i + 2) == '\n' ? i + 3 : i + 2);
                return;
            }
        }
        throw TemplateException.syntax("missing end of comment tag", line);
    }

    private void tag(boolean block) {
        tokens.add(new Token(block ? Kind.BLOCK_BEGIN : Kind.VARIABLE_BEGIN, block ? "{%" : "{{", line));
        Deque<Character> brackets = new ArrayDeque<>();
        while (true) {
            if (pos >= src.length()) {
                throw TemplateException.syntax("unexpected end of template, the tag is not closed", line);
            }
            int end = brackets.isEmpty() ? (block ? blockEnd(pos) : variableEnd(pos)) : -1;
            if (end >= 0) {
                tokens.add(new Token(block ? Kind.BLOCK_END : Kind.VARIABLE_END, block ? "%}" : "}}", line));
                moveTo(end);
                return;
            }
            if (Py.isSpace(src.charAt(pos))) {
                moveTo(skipSpace(pos));
                continue;
            }
            Token token = expressionToken();
            trackBrackets(token, brackets);
            tokens.add(token);
        }
    }

    /** End of a block tag's closer at {@code p} ({@code +%}}, {@code -%}} plus whitespace, {@code %}} plus one newline). */
    private int blockEnd(int p) {
        if (src.startsWith("+%}", p)) {
            return p + 3;
        }
        if (src.startsWith("-%}", p)) {
            return skipSpace(p + 3);
        }
        if (src.startsWith("%}", p)) {
            return p + 2 < src.length() && src.charAt(p + 2) == '\n' ? p + 3 : p + 2;
        }
        return -1;
    }

    private int variableEnd(int p) {
        if (src.startsWith("-}}", p)) {
            return skipSpace(p + 3);
        }
        return src.startsWith("}}", p) ? p + 2 : -1;
    }

    private void trackBrackets(Token token, Deque<Character> brackets) {
        if (token.kind() != Kind.OPERATOR) {
            return;
        }
        switch (token.text()) {
            case "(" -> brackets.push(')');
            case "[" -> brackets.push(']');
            case "{" -> brackets.push('}');
            case ")", "]", "}" -> {
                if (brackets.isEmpty()) {
                    throw TemplateException.syntax("unexpected '" + token.text() + "'", line);
                }
                char expected = brackets.pop();
                if (expected != token.text().charAt(0)) {
                    throw TemplateException.syntax("unexpected '" + token.text() + "', expected '" + expected + "'", line);
                }
            }
            default -> { }
        }
    }

    private Token expressionToken() {
        int start = pos;
        char c = src.charAt(pos);
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            int p = pos + 1;
            while (p < src.length() && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '_')) {
                p++;
            }
            return take(Kind.NAME, src.substring(start, p), p);
        }
        if (c == '\'' || c == '"') {
            int p = pos + 1;
            while (p < src.length() && src.charAt(p) != c) {
                p += src.charAt(p) == '\\' ? 2 : 1;
            }
            if (p < src.length()) {
                return take(Kind.STRING, StringEscapes.decode(src.substring(start + 1, p)), p + 1);
            }
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                return take(Kind.OPERATOR, op, pos + op.length());
            }
        }
        throw TemplateException.syntax("unexpected char '" + c + "'", line);
    }

    /** jinja2's float rule (not right after a dot) before its integer rule; underscores group digits. */
    private Token number(int start) {
        int digitsEnd = digits(start);
        if (start == 0 || src.charAt(start - 1) != '.') {
            int fractionEnd = src.startsWith(".", digitsEnd) && digitsEnd + 1 < src.length()
                    && Character.isDigit(src.charAt(digitsEnd + 1)) ? digits(digitsEnd + 1) : -1;
            int exponentEnd = exponent(fractionEnd > 0 ? fractionEnd : digitsEnd);
            int end = exponentEnd > 0 ? exponentEnd : fractionEnd;
            if (end > 0) {
                return take(Kind.FLOAT, src.substring(start, end).replace("_", ""), end);
            }
        }
        if (src.charAt(start) == '0' && start + 1 < src.length() && "bBoOxX".indexOf(src.charAt(start + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(src.charAt(start + 1))) {
                case 'b' -> 2;
                case 'o' -> 8;
                default -> 16;
            };
            int p = start + 2;
            while (p < src.length() && (src.charAt(p) == '_' || Character.digit(src.charAt(p), radix) >= 0)) {
                p++;
            }
            String value = String.valueOf(Long.parseLong(src.substring(start + 2, p).replace("_", ""), radix));
            return take(Kind.INTEGER, value, p);
        }
        int end = src.charAt(start) == '0' ? zeros(start) : digitsEnd;
        return take(Kind.INTEGER, src.substring(start, end).replace("_", ""), end);
    }

    private int digits(int p) {
        while (p < src.length() && Character.isDigit(src.charAt(p))) {
            p++;
            if (p + 1 < src.length() && src.charAt(p) == '_' && Character.isDigit(src.charAt(p + 1))) {
                p++;
            }
        }
        return p;
    }

    private int zeros(int p) {
        p++;
        while (p < src.length() && (src.charAt(p) == '0'
                || src.charAt(p) == '_' && p + 1 < src.length() && src.charAt(p + 1) == '0')) {
            p++;
        }
        return p;
    }

    private int exponent(int p) {
        if (p >= src.length() || (src.charAt(p) != 'e' && src.charAt(p) != 'E')) {
            return -1;
        }
        int q = p + 1;
        if (q < src.length() && (src.charAt(q) == '+' || src.charAt(q) == '-')) {
            q++;
        }
        return q < src.length() && Character.isDigit(src.charAt(q)) ? digits(q) : -1;
    }

    private Token take(Kind kind, String text, int end) {
        Token token = new Token(kind, text, line);
        moveTo(end);
        return token;
    }

    private void data(String text) {
        if (!text.isEmpty()) {
            tokens.add(new Token(Kind.DATA, text, line));
        }
    }

    private void moveTo(int newPos) {
        for (int i = Math.max(countedTo, pos); i < newPos; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        countedTo = Math.max(countedTo, newPos);
        if (newPos > pos) {
            lineStarting = src.charAt(newPos - 1) == '\n';
        }
        pos = newPos;
    }

    private int skipSpace(int p) {
        while (p < src.length() && Py.isSpace(src.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+';
    }
}
