package dev.lantern.engine.template;

import dev.lantern.engine.template.Token.Kind;
import java.util.List;
import java.util.Set;

/** The parser's cursor over the tokens, with jinja2's wording for what it expected. */
final class TokenStream {
    private final List<Token> tokens;
    private int pos;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    /** Consumes a token of {@code kind} (and {@code text}, unless null) or fails naming what was found. */
    Token expect(Kind kind, String text) {
        Token t = current();
        if (t.kind() != kind || text != null && !t.text().equals(text)) {
            String wanted = text != null ? "'" + text + "'" : kind.name().toLowerCase().replace('_', ' ');
            throw TemplateException.syntax("expected " + wanted + ", got " + t, t.line());
        }
        return next();
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipOperator(String op) {
        if (current().isOperator(op)) {
            next();
            return true;
        }
        return false;
    }

    /** jinja2's is_tuple_end: the tag closes, a parenthesis closes, or a caller's end word comes. */
    boolean atTupleEnd(Set<String> extraEnds) {
        Token t = current();
        return t.kind() == Kind.VARIABLE_END || t.kind() == Kind.BLOCK_END || t.kind() == Kind.EOF
                || t.isOperator(")") || t.kind() == Kind.NAME && extraEnds.contains(t.text());
    }

    TemplateException error(String message) {
        return TemplateException.syntax(message, current().line());
    }
}
