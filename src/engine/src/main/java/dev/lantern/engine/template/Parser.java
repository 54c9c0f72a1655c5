package dev.lantern.engine.template;

import dev.lantern.engine.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the statement tree from tokens, following jinja2's parser: the block tags a chat template may use
 * ({@code for}, {@code if}, {@code set}, {@code macro}, {@code call}, {@code filter}, {@code with},
 * {@code break}/{@code continue} of the loopcontrols extension, transformers' {@code generation}), with the
 * expression grammar in {@link ExpressionParser}. Unknown tags, filters and tests are errors here, before any
 * rendering, as they are for jinja2's compiler. Longer than most classes: one method per tag.
 */
final class Parser {
    private static final int MAX_NESTING = 200;
    private final TokenStream in;
    private final ExpressionParser expressions;
    private int nesting;

    private Parser(List<Token> tokens) {
        this.in = new TokenStream(tokens);
        this.expressions = new ExpressionParser(in);
    }

    static Stmt parse(String source) {
        Parser parser = new Parser(Lexer.tokenize(source));
        Stmt body = parser.statements(Set.of());
        parser.in.expect(Kind.EOF, null);
        parser.expressions.failOnUnknownNames();
        return body;
    }

    /** Statements up to a block tag named in {@code ends}; that tag's name is left as the current token. */
    private Stmt statements(Set<String> ends) {
        if (++nesting > MAX_NESTING) {
            throw in.error("blocks nest deeper than " + MAX_NESTING);
        }
        List<Stmt> out = new ArrayList<>();
        while (true) {
            Token t = in.current();
            if (t.kind() == Kind.DATA) {
                out.add(new Stmt.Text(in.next().text()));
            } else if (t.kind() == Kind.VARIABLE_BEGIN) {
                in.next();
                out.add(new Stmt.Print(expressions.tuple(false, true, Set.of(), false)));
                in.expect(Kind.VARIABLE_END, null);
            } else if (t.kind() == Kind.BLOCK_BEGIN) {
                in.next();
                if (in.current().kind() == Kind.NAME && ends.contains(in.current().text())) {
                    nesting--;
                    return new Stmt.Body(out);
                }
                out.add(statement());
            } else {
                if (!ends.isEmpty()) {
                    throw in.error("unexpected end of template, expected one of the tags " + ends);
                }
                nesting--;
                return new Stmt.Body(out);
            }
        }
    }

    private Stmt statement() {
        Token tag = in.expect(Kind.NAME, null);
        Stmt s = switch (tag.text()) {
            case "for" -> forLoop();
            case "if" -> expressions.conditional(this::ifBlock);
            case "set" -> set();
            case "macro" -> macro();
            case "call" -> callBlock();
            case "filter" -> filterBlock();
            case "with" -> with();
            case "print" -> new Stmt.Print(expressions.tuple(false, true, Set.of(), false));
            case "break" -> new Stmt.Break();
            case "continue" -> new Stmt.Continue();
            case "generation" -> wrapped("endgeneration");
            case "autoescape" -> {
                expressions.expression(true);
                yield wrapped("endautoescape");
            }
            case "block" -> {
                in.expect(Kind.NAME, null);
                while (in.current().isName("scoped") || in.current().isName("required")) {
                    in.next();
                }
                yield wrapped("endblock");
            }
            default -> throw TemplateException.syntax("encountered unknown tag '" + tag.text() + "'", tag.line());
        };
        in.expect(Kind.BLOCK_END, null);
        return s;
    }

    /** A tag whose body simply renders ({@code generation}, {@code block}): body up to its end tag. */
    private Stmt wrapped(String end) {
        in.expect(Kind.BLOCK_END, null);
        Stmt body = statements(Set.of(end));
        in.next();
        if (end.equals("endblock") && in.current().kind() == Kind.NAME) {
            in.next();
        }
        return body;
    }

    private Stmt forLoop() {
        Stmt.Target target = target(Set.of("in"));
        in.expect(Kind.NAME, "in");
        Expr iterable = expressions.tuple(false, false, Set.of("recursive"), false);
        Expr condition = in.skipName("if") ? expressions.expression(true) : null;
        if (in.skipName("recursive")) {
            throw in.error("recursive loops are not supported");
        }
        in.expect(Kind.BLOCK_END, null);
        Stmt body = expressions.ownFrame(() -> statements(Set.of("endfor", "else")));
        Stmt otherwise = null;
        if (in.next().text().equals("else")) {
            in.expect(Kind.BLOCK_END, null);
            otherwise = expressions.ownFrame(() -> statements(Set.of("endfor")));
            in.next();
        }
        return new Stmt.For(target, iterable, condition, body, otherwise);
    }

    private Stmt ifBlock() {
        List<Expr> tests = new ArrayList<>();
        List<Stmt> bodies = new ArrayList<>();
        while (true) {
            tests.add(expressions.tuple(false, false, Set.of(), false));
            in.expect(Kind.BLOCK_END, null);
            bodies.add(statements(Set.of("elif", "else", "endif")));
            String tag = in.next().text();
            if (tag.equals("endif")) {
                return new Stmt.If(tests, bodies, null);
            }
            if (tag.equals("else")) {
                in.expect(Kind.BLOCK_END, null);
                Stmt otherwise = statements(Set.of("endif"));
                in.next();
                return new Stmt.If(tests, bodies, otherwise);
            }
        }
    }

    private Stmt set() {
        if (in.current().kind() == Kind.NAME && in.peek(1).isOperator(".")) {
            String namespace = in.next().text();
            in.next();
            String attribute = in.expect(Kind.NAME, null).text();
            in.expect(Kind.OPERATOR, "=");
            return new Stmt.SetAttribute(namespace, attribute, expressions.tuple(false, true, Set.of(), false));
        }
        Stmt.Target target = target(Set.of());
        if (in.skipOperator("=")) {
            return new Stmt.Set(target, expressions.tuple(false, true, Set.of(), false));
        }
        List<Expr.Filter> filters = expressions.filterChain(false);
        in.expect(Kind.BLOCK_END, null);
        Stmt body = statements(Set.of("endset"));
        in.next();
        return new Stmt.SetBlock(target, filters, body);
    }

    private Stmt macro() {
        String name = in.expect(Kind.NAME, null).text();
        List<String> parameters = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        signature(parameters, defaults);
        in.expect(Kind.BLOCK_END, null);
        Set<String> read = new java.util.HashSet<>();
        Stmt body = expressions.ownFrame(() -> expressions.tracingNames(() -> statements(Set.of("endmacro")), read));
        in.next();
        return new Stmt.MacroDefinition(new Macro.Signature(name, parameters, defaults, read), body);
    }

    private void signature(List<String> parameters, List<Expr> defaults) {
        in.expect(Kind.OPERATOR, "(");
        while (!in.current().isOperator(")")) {
            if (!parameters.isEmpty()) {
                in.expect(Kind.OPERATOR, ",");
            }
            parameters.add(in.expect(Kind.NAME, null).text());
            if (in.skipOperator("=")) {
                defaults.add(expressions.expression(true));
            } else if (!defaults.isEmpty()) {
                throw in.error("non-default argument follows default argument");
            }
        }
        in.expect(Kind.OPERATOR, ")");
    }

    private Stmt callBlock() {
        List<String> parameters = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        if (in.current().isOperator("(")) {
            signature(parameters, defaults);
        }
        if (!(expressions.expression(true) instanceof Expr.Call call)) {
            throw in.error("expected a call in the call block");
        }
        in.expect(Kind.BLOCK_END, null);
        Set<String> read = new java.util.HashSet<>();
        Stmt body = expressions.ownFrame(() -> expressions.tracingNames(() -> statements(Set.of("endcall")), read));
        in.next();
        return new Stmt.CallBlock(call, new Macro.Signature("caller", parameters, defaults, read), body);
    }

    private Stmt filterBlock() {
        List<Expr.Filter> filters = expressions.ownFrame(() -> expressions.filterChain(true));
        in.expect(Kind.BLOCK_END, null);
        Stmt body = expressions.ownFrame(() -> statements(Set.of("endfilter")));
        in.next();
        return new Stmt.FilterBlock(filters, body);
    }

    private Stmt with() {
        List<Stmt.Target> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (in.current().kind() != Kind.BLOCK_END) {
            if (!targets.isEmpty()) {
                in.expect(Kind.OPERATOR, ",");
            }
            targets.add(target(Set.of()));
            in.expect(Kind.OPERATOR, "=");
            values.add(expressions.expression(true));
        }
        in.expect(Kind.BLOCK_END, null);
        Stmt body = statements(Set.of("endwith"));
        in.next();
        return new Stmt.With(targets, values, body);
    }

    /** An assignment target: a name, or names separated by commas, optionally in parentheses. */
    private Stmt.Target target(Set<String> ends) {
        List<Stmt.Target> parts = new ArrayList<>();
        boolean tuple = false;
        while (true) {
            if (!parts.isEmpty()) {
                in.expect(Kind.OPERATOR, ",");
            }
            if (in.atTupleEnd(ends) || in.current().isOperator("=") || in.current().isOperator("|")) {
                break;
            }
            parts.add(targetItem());
            if (!in.current().isOperator(",")) {
                break;
            }
            tuple = true;
        }
        if (parts.isEmpty()) {
            throw in.error("expected a name to assign to");
        }
        return tuple ? new Stmt.Target(null, parts) : parts.get(0);
    }

    private Stmt.Target targetItem() {
        if (in.skipOperator("(")) {
            Stmt.Target inner = target(Set.of());
            in.expect(Kind.OPERATOR, ")");
            return inner;
        }
        Token name = in.expect(Kind.NAME, null);
        if (Set.of("true", "false", "none", "True", "False", "None").contains(name.text())) {
            throw TemplateException.syntax("cannot assign to " + name.text(), name.line());
        }
        return new Stmt.Target(name.text(), List.of());
    }
}
