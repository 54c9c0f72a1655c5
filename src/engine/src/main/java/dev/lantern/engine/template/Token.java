package dev.lantern.engine.template;

/** One lexeme: template text, a tag delimiter, or a piece of an expression inside a tag. */
record Token(Kind kind, String text, int line) {
    enum Kind { DATA, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF }

    boolean is(Kind k, String value) {
        return kind == k && text.equals(value);
    }

    boolean isName(String value) {
        return is(Kind.NAME, value);
    }

    boolean isOperator(String value) {
        return is(Kind.OPERATOR, value);
    }

    @Override
    public String toString() {
        return kind == Kind.EOF ? "end of template" : "'" + text + "'";
    }
}
