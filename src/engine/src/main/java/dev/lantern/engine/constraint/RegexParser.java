package dev.lantern.engine.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * The regular-expression subset of {@code pattern} (see the package description), parsed into a {@link CharNfa}.
 * Classes mean what they mean in both ECMA-262 and java.util.regex (the two dialects validators use), so ASCII
 * {@code \d \w \s}, and a {@code .} that excludes every line terminator either dialect knows. A pattern matches
 * anywhere in the string unless anchored with {@code ^} / {@code $} at the ends of a top-level alternative.
 */
final class RegexParser {
    static final CharSet DIGIT = CharSet.range('0', '9');
    static final CharSet WORD = CharSet.range('a', 'z').union(CharSet.range('A', 'Z')).union(DIGIT)
            .union(CharSet.of('_'));
    static final CharSet SPACE = CharSet.ofString(" \t\n\u000B\f\r");
    static final CharSet DOT = CharSet.ANY.minus(CharSet.ofString("\n\r\u0085\u2028\u2029"));
    private static final int MAX_REPEAT = 1000;

    private final String pattern;
    private final CharNfa nfa;
    private int at;

    private RegexParser(String pattern, CharNfa nfa) {
        this.pattern = pattern;
        this.nfa = nfa;
    }

    /** The strings {@code pattern} matches (search semantics, as JSON Schema's pattern). */
    static CharDfa compile(String pattern) {
        CharNfa nfa = new CharNfa();
        RegexParser p = new RegexParser(pattern, nfa);
        List<CharNfa.Fragment> alternatives = new ArrayList<>();
        do {
            boolean anchoredStart = p.eat('^');
            List<CharNfa.Fragment> parts = new ArrayList<>();
            if (!anchoredStart) {
                parts.add(nfa.star(nfa.chars(CharSet.ANY)));
            }
            parts.add(p.sequence());
            if (!p.eat('$')) {
                parts.add(nfa.star(nfa.chars(CharSet.ANY)));
            }
            alternatives.add(nfa.sequence(parts));
        } while (p.eat('|'));
        if (p.at < pattern.length()) {
            throw p.error("unexpected '" + pattern.charAt(p.at) + "'");
        }
        return CharDfa.of(nfa, nfa.choice(alternatives));
    }

    /** The strings matching {@code regex} as a whole (for formats written as regular expressions). */
    static CharDfa compileAnchored(String regex) {
        return compile("^(?:" + regex + ")$");
    }

    private CharNfa.Fragment alternation() {
        List<CharNfa.Fragment> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (eat('|')) {
            alternatives.add(sequence());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : nfa.choice(alternatives);
    }

    private CharNfa.Fragment sequence() {
        List<CharNfa.Fragment> parts = new ArrayList<>();
        while (at < pattern.length() && peek() != '|' && peek() != ')' && !(peek() == '$' && atTopLevelEnd())) {
            int atomStart = at;
            CharNfa.Fragment atom = atom();
            parts.add(quantified(atom, atomStart));
        }
        return nfa.sequence(parts);
    }

    /** A {@code $} that ends a top-level alternative (the only place an anchor is understood). */
    private boolean atTopLevelEnd() {
        return at + 1 == pattern.length() || pattern.charAt(at + 1) == '|';
    }

    private CharNfa.Fragment atom() {
        char c = pattern.charAt(at++);
        switch (c) {
            case '(':
                if (eat('?')) {
                    if (!eat(':')) {
                        throw error("lookaround and named groups are not supported");
                    }
                }
                CharNfa.Fragment inner = alternation();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return inner;
            case '[':
                return nfa.chars(charClass());
            case '.':
                return nfa.chars(DOT);
            case '\\':
                return nfa.chars(escape(false));
            case '^', '$':
                throw error("anchors are supported only at the start and end of the pattern");
            case '*', '+', '?', '{':
                throw error("nothing to repeat before '" + c + "'");
            case ')':
                throw error("unmatched ')'");
            default:
                at--;
                int cp = pattern.codePointAt(at);
                at += Character.charCount(cp);
                return nfa.chars(CharSet.of(cp));
        }
    }

    private CharNfa.Fragment quantified(CharNfa.Fragment atom, int atomStart) {
        if (at >= pattern.length()) {
            return atom;
        }
        int min;
        int max;
        char c = peek();
        if (c == '*') {
            min = 0;
            max = -1;
        } else if (c == '+') {
            min = 1;
            max = -1;
        } else if (c == '?') {
            min = 0;
            max = 1;
        } else if (c == '{' && isBound()) {
            at++;
            min = number();
            max = min;
            if (eat(',')) {
                max = peek() == '}' ? -1 : number();
            }
            if (peek() != '}') {
                throw error("malformed {n,m}");
            }
            if (max >= 0 && max < min || Math.max(min, max) > MAX_REPEAT) {
                throw error("repetition bounds out of range (at most " + MAX_REPEAT + ")");
            }
        } else {
            return atom;
        }
        at++;
        eat('?'); // a lazy quantifier matches the same strings
        if (at < pattern.length() && peek() == '+') {
            throw error("possessive quantifiers are not supported");
        }
        String source = pattern.substring(atomStart, startOfQuantifier(atomStart));
        List<CharNfa.Fragment> parts = new ArrayList<>();
        for (int i = 0; i < min; i++) {
            parts.add(i == 0 ? atom : reparse(source));
        }
        if (max < 0) {
            parts.add(nfa.star(min == 0 ? atom : reparse(source)));
        } else {
            for (int i = min; i < max; i++) {
                parts.add(nfa.optional(i == 0 ? atom : reparse(source)));
            }
        }
        return parts.isEmpty() ? nfa.empty() : nfa.sequence(parts);
    }

    private int startOfQuantifier(int atomStart) {
        int depth = 0;
        int i = atomStart;
        do {
            char c = pattern.charAt(i);
            if (c == '\\') {
                char escaped = pattern.charAt(i + 1);
                i += escaped == 'u' ? 6 : escaped == 'x' ? 4 : 2;
                continue;
            }
            if (c == '[') {
                i = endOfClass(i);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            i += Character.charCount(pattern.codePointAt(i));
        } while (depth > 0);
        return i;
    }

    private int endOfClass(int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (pattern.charAt(i) != ']') {
            i += pattern.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** A fresh copy of an atom, for each repetition a bounded quantifier needs. */
    private CharNfa.Fragment reparse(String source) {
        RegexParser copy = new RegexParser(source, nfa);
        return copy.atom();
    }

    private CharSet charClass() {
        boolean negated = eat('^');
        CharSet set = CharSet.EMPTY;
        boolean first = true;
        while (at < pattern.length() && (peek() != ']' || first)) {
            first = false;
            CharSet item;
            int lo = -1;
            if (peek() == '\\') {
                at++;
                item = escape(true);
                if (item.rangeCount() == 1 && item.lo(0) == item.hi(0)) {
                    lo = item.lo(0);
                }
            } else if (peek() == '[') {
                throw error("nested classes and POSIX classes are not supported");
            } else {
                lo = pattern.codePointAt(at);
                at += Character.charCount(lo);
                item = CharSet.of(lo);
            }
            if (lo >= 0 && at + 1 < pattern.length() && peek() == '-' && pattern.charAt(at + 1) != ']') {
                at++;
                int hi;
                if (peek() == '\\') {
                    at++;
                    CharSet h = escape(true);
                    if (h.rangeCount() != 1 || h.lo(0) != h.hi(0)) {
                        throw error("a class range must end in a single character");
                    }
                    hi = h.lo(0);
                } else {
                    hi = pattern.codePointAt(at);
                    at += Character.charCount(hi);
                }
                if (hi < lo) {
                    throw error("class range out of order");
                }
                item = CharSet.range(lo, hi);
            }
            set = set.union(item);
        }
        if (!eat(']')) {
            throw error("missing ']'");
        }
        return negated ? set.complement() : set;
    }

    private CharSet escape(boolean inClass) {
        if (at >= pattern.length()) {
            throw error("trailing backslash");
        }
        char c = pattern.charAt(at++);
        return switch (c) {
            case 'd' -> DIGIT;
            case 'D' -> DIGIT.complement();
            case 'w' -> WORD;
            case 'W' -> WORD.complement();
            case 's' -> SPACE;
            case 'S' -> SPACE.complement();
            case 'n' -> CharSet.of('\n');
            case 'r' -> CharSet.of('\r');
            case 't' -> CharSet.of('\t');
            case 'f' -> CharSet.of('\f');
            case 'v' -> CharSet.of(0x0B);
            case 'b' -> {
                if (inClass) {
                    yield CharSet.of('\b');
                }
                throw error("word boundaries (\\b) are not supported");
            }
            case 'x' -> CharSet.of(hex(2));
            case 'u' -> CharSet.of(hex(4));
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw error("the escape \\" + c + " is not supported");
                }
                yield CharSet.of(c);
            }
        };
    }

    private int hex(int digits) {
        if (at + digits > pattern.length()) {
            throw error("truncated hexadecimal escape");
        }
        try {
            int v = Integer.parseInt(pattern.substring(at, at + digits), 16);
            at += digits;
            return v;
        } catch (NumberFormatException e) {
            throw error("malformed hexadecimal escape");
        }
    }

    private boolean isBound() {
        int i = at + 1;
        int digits = 0;
        while (i < pattern.length() && Character.isDigit(pattern.charAt(i))) {
            i++;
            digits++;
        }
        return digits > 0 && i < pattern.length() && (pattern.charAt(i) == '}' || pattern.charAt(i) == ',');
    }

    private int number() {
        int start = at;
        while (at < pattern.length() && Character.isDigit(peek())) {
            at++;
        }
        if (start == at || at - start > 6) {
            throw error("malformed repetition count");
        }
        return Integer.parseInt(pattern.substring(start, at));
    }

    private char peek() {
        return pattern.charAt(at);
    }

    private boolean eat(char c) {
        if (at < pattern.length() && pattern.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private UnsupportedSchemaException error(String reason) {
        return new UnsupportedSchemaException("", reason + " in pattern /" + pattern + "/ at " + at);
    }
}
