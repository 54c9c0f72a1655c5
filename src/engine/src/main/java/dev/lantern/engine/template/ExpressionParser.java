package dev.lantern.engine.template;

import dev.lantern.engine.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jinja2's expression grammar with its precedences, which differ from Python's in places templates rely on:
 * {@code ~} binds tighter than {@code +}; filters and {@code is} tests bind to the unary operand (so
 * {@code -x|abs} filters {@code -x}, and {@code not x is defined} negates the test); {@code **} is left
 * associative; an inline {@code if} without {@code else} yields Undefined. Longer than most classes because
 * it is one recursive-descent grammar, one method per precedence level.
 */
final class ExpressionParser {
    private static final int MAX_DEPTH = 200;
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private final TokenStream in;
    private final Set<String> namesRead = new java.util.HashSet<>();
    /** Unknown filters and tests not (yet) known to sit in a conditional, which jinja2 forgives until run. */
    private final List<TemplateException> unresolved = new ArrayList<>();
    private final List<TemplateException> fatal = new ArrayList<>();
    private int depth;

    ExpressionParser(TokenStream in) {
        this.in = in;
    }

    /** Runs {@code parse} and adds to {@code read} the variable names its expressions read. */
    <T> T tracingNames(java.util.function.Supplier<T> parse, Set<String> read) {
        Set<String> outer = new java.util.HashSet<>(namesRead);
        namesRead.clear();
        try {
            return parse.get();
        } finally {
            read.addAll(namesRead);
            namesRead.addAll(outer);
        }
    }

    /**
     * Parses an {@code if} statement or a conditional expression: as in jinja2, an unknown filter or test in
     * it is an error only if it is evaluated.
     */
    <T> T conditional(java.util.function.Supplier<T> parse) {
        int mark = unresolved.size();
        T result = parse.get();
        unresolved.subList(mark, unresolved.size()).clear();
        return result;
    }

    /** Parses the body of a loop, macro or filter block: jinja2 compiles it in a frame of its own, not forgiving. */
    <T> T ownFrame(java.util.function.Supplier<T> parse) {
        int mark = unresolved.size();
        T result = parse.get();
        List<TemplateException> inner = unresolved.subList(mark, unresolved.size());
        fatal.addAll(inner);
        inner.clear();
        return result;
    }

    /** Fails on the first unknown filter or test outside any conditional, as jinja2's compiler does. */
    void failOnUnknownNames() {
        if (!fatal.isEmpty()) {
            throw fatal.get(0);
        }
        if (!unresolved.isEmpty()) {
            throw unresolved.get(0);
        }
    }

    /** jinja2's parse_tuple: one expression, or several separated by commas as a tuple. */
    Expr tuple(boolean simplified, boolean withCondition, Set<String> extraEnds, boolean explicitParentheses) {
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                in.expect(Kind.OPERATOR, ",");
            }
            if (in.atTupleEnd(extraEnds)) {
                break;
            }
            items.add(simplified ? primary() : expression(withCondition));
            if (!in.current().isOperator(",")) {
                break;
            }
            isTuple = true;
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.get(0);
            }
            if (!explicitParentheses) {
                throw in.error("expected an expression, got " + in.current());
            }
        }
        return new Expr.ListLiteral(items, true);
    }

    Expr expression(boolean withCondition) {
        if (++depth > MAX_DEPTH) {
            throw in.error("expressions nest deeper than " + MAX_DEPTH);
        }
        try {
            return withCondition ? conditional() : or();
        } finally {
            depth--;
        }
    }

    private Expr conditional() {
        int mark = unresolved.size();
        Expr result = or();
        if (in.current().isName("if")) {
            unresolved.subList(mark, unresolved.size()).clear();
            return conditional(() -> conditionalTail(result));
        }
        return result;
    }

    private Expr conditionalTail(Expr first) {
        Expr result = first;
        while (in.skipName("if")) {
            Expr test = or();
            Expr otherwise = in.skipName("else") ? conditional() : null;
            result = new Expr.Conditional(test, result, otherwise);
        }
        return result;
    }

    private Expr or() {
        Expr left = and();
        while (in.skipName("or")) {
            left = new Expr.Logical(false, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.skipName("and")) {
            left = new Expr.Logical(true, left, not());
        }
        return left;
    }

    private Expr not() {
        if (in.skipName("not")) {
            return new Expr.Not(not());
        }
        return compare();
    }

    private Expr compare() {
        Expr first = sum();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = in.current();
            if (t.kind() == Kind.OPERATOR && COMPARISONS.contains(t.text())) {
                in.next();
                ops.add(t.text());
            } else if (in.skipName("in")) {
                ops.add("in");
            } else if (t.isName("not") && in.peek(1).isName("in")) {
                in.next();
                in.next();
                ops.add("notin");
            } else {
                break;
            }
            rest.add(sum());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, ops, rest);
    }

    private Expr sum() {
        Expr left = concat();
        while (in.current().isOperator("+") || in.current().isOperator("-")) {
            left = new Expr.Binary(in.next().text(), left, concat());
        }
        return left;
    }

    private Expr concat() {
        Expr left = product();
        while (in.skipOperator("~")) {
            left = new Expr.Binary("~", left, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = power();
        while (Set.of("*", "/", "//", "%").contains(in.current().text()) && in.current().kind() == Kind.OPERATOR) {
            left = new Expr.Binary(in.next().text(), left, power());
        }
        return left;
    }

    private Expr power() {
        Expr left = unary(true);
        while (in.skipOperator("**")) {
            left = new Expr.Binary("**", left, unary(true));
        }
        return left;
    }

    private Expr unary(boolean withFilters) {
        if (++depth > MAX_DEPTH) {
            throw in.error("expressions nest deeper than " + MAX_DEPTH);
        }
        try {
            Expr node;
            if (in.current().isOperator("-") || in.current().isOperator("+")) {
                boolean minus = in.next().text().equals("-");
                node = new Expr.Negate(unary(false), minus);
            } else {
                node = primary();
            }
            node = postfix(node);
            return withFilters ? filters(node) : node;
        } finally {
            depth--;
        }
    }

    Expr primary() {
        Token t = in.next();
        switch (t.kind()) {
            case NAME -> {
                return switch (t.text()) {
                    case "true", "True" -> new Expr.Const(true);
                    case "false", "False" -> new Expr.Const(false);
                    case "none", "None" -> new Expr.Const(null);
                    default -> {
                        namesRead.add(t.text());
                        yield new Expr.Name(t.text());
                    }
                };
            }
            case STRING -> {
                StringBuilder text = new StringBuilder(t.text());
                while (in.current().kind() == Kind.STRING) {
                    text.append(in.next().text());
                }
                return new Expr.Const(text.toString());
            }
            case INTEGER -> {
                try {
                    return new Expr.Const(Long.parseLong(t.text()));
                } catch (NumberFormatException e) {
                    throw TemplateException.syntax("integer literal too large: " + t.text(), t.line());
                }
            }
            case FLOAT -> {
                return new Expr.Const(Double.parseDouble(t.text()));
            }
            case OPERATOR -> {
                if (t.text().equals("(")) {
                    Expr inner = tuple(false, true, Set.of(), true);
                    in.expect(Kind.OPERATOR, ")");
                    return inner;
                }
                if (t.text().equals("[")) {
                    return list();
                }
                if (t.text().equals("{")) {
                    return dict();
                }
            }
            default -> { }
        }
        throw TemplateException.syntax("unexpected " + t, t.line());
    }

    private Expr list() {
        List<Expr> items = new ArrayList<>();
        commaSeparated("]", () -> items.add(expression(true)));
        return new Expr.ListLiteral(items, false);
    }

    private Expr dict() {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        commaSeparated("}", () -> {
            keys.add(expression(true));
            in.expect(Kind.OPERATOR, ":");
            values.add(expression(true));
        });
        return new Expr.DictLiteral(keys, values);
    }

    /** Items up to {@code close}, separated by commas, a trailing comma allowed; consumes {@code close}. */
    private void commaSeparated(String close, Runnable item) {
        boolean first = true;
        while (!in.current().isOperator(close)) {
            if (!first) {
                in.expect(Kind.OPERATOR, ",");
                if (in.current().isOperator(close)) {
                    break;
                }
            }
            first = false;
            item.run();
        }
        in.expect(Kind.OPERATOR, close);
    }

    private Expr postfix(Expr node) {
        while (true) {
            if (in.current().isOperator(".") || in.current().isOperator("[")) {
                node = subscript(node);
            } else if (in.current().isOperator("(")) {
                node = new Expr.Call(node, arguments());
            } else {
                return node;
            }
        }
    }

    private Expr filters(Expr node) {
        while (true) {
            if (in.current().isOperator("|")) {
                in.next();
                node = filter(node);
            } else if (in.current().isName("is")) {
                node = test(node);
            } else if (in.current().isOperator("(")) {
                node = new Expr.Call(node, arguments());
            } else {
                return node;
            }
        }
    }

    /** Filters for a filter block ({@code inline}: the first has no leading pipe) or a set block. */
    List<Expr.Filter> filterChain(boolean inline) {
        List<Expr.Filter> chain = new ArrayList<>();
        while (inline || in.skipOperator("|")) {
            inline = false;
            chain.add(filter(null));
        }
        return chain;
    }

    private Expr.Filter filter(Expr value) {
        Token name = in.expect(Kind.NAME, null);
        String filterName = dotted(name.text());
        if (!Filters.exists(filterName)) {
            unresolved.add(TemplateException.syntax("no filter named '" + filterName + "'", name.line()));
        }
        Expr.Arguments args = in.current().isOperator("(") ? arguments() : Expr.Arguments.NONE;
        return new Expr.Filter(value, filterName, args);
    }

    private Expr test(Expr value) {
        in.next();
        boolean negated = in.skipName("not");
        Token name = in.expect(Kind.NAME, null);
        String testName = dotted(name.text());
        if (!Tests.exists(testName)) {
            unresolved.add(TemplateException.syntax("no test named '" + testName + "'", name.line()));
        }
        Expr.Arguments args = Expr.Arguments.NONE;
        Token t = in.current();
        if (t.isOperator("(")) {
            args = arguments();
        } else if ((Set.of(Kind.NAME, Kind.STRING, Kind.INTEGER, Kind.FLOAT).contains(t.kind())
                || t.isOperator("[") || t.isOperator("{")) && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
            if (t.isName("is")) {
                throw in.error("you cannot chain multiple tests with is");
            }
            args = new Expr.Arguments(List.of(postfix(primary())), Map.of(), null, null);
        }
        Expr node = new Expr.Test(value, testName, args);
        return negated ? new Expr.Not(node) : node;
    }

    private String dotted(String first) {
        StringBuilder name = new StringBuilder(first);
        while (in.skipOperator(".")) {
            name.append('.').append(in.expect(Kind.NAME, null).text());
        }
        return name.toString();
    }

    private Expr subscript(Expr owner) {
        Token t = in.next();
        if (t.isOperator(".")) {
            Token attribute = in.next();
            if (attribute.kind() == Kind.NAME) {
                return new Expr.Attribute(owner, attribute.text());
            }
            if (attribute.kind() == Kind.INTEGER) {
                return new Expr.Item(owner, new Expr.Const(Long.parseLong(attribute.text())));
            }
            throw TemplateException.syntax("expected name or number after '.'", attribute.line());
        }
        List<Expr> keys = new ArrayList<>();
        while (!in.current().isOperator("]")) {
            if (!keys.isEmpty()) {
                in.expect(Kind.OPERATOR, ",");
            }
            keys.add(subscribed(owner));
        }
        in.expect(Kind.OPERATOR, "]");
        if (keys.size() == 1 && keys.get(0) instanceof Expr.Slice slice) {
            return slice;
        }
        return new Expr.Item(owner, keys.size() == 1 ? keys.get(0) : new Expr.ListLiteral(keys, true));
    }

    /** One subscript: an expression, or a slice {@code start:stop:step} with any part left out. */
    private Expr subscribed(Expr owner) {
        Expr start = null;
        if (!in.current().isOperator(":")) {
            start = expression(true);
            if (!in.current().isOperator(":")) {
                return start;
            }
        }
        in.next();
        Expr stop = in.current().isOperator(":") || atSubscriptEnd() ? null : expression(true);
        Expr step = null;
        if (in.skipOperator(":") && !atSubscriptEnd()) {
            step = expression(true);
        }
        return new Expr.Slice(owner, start, stop, step);
    }

    private boolean atSubscriptEnd() {
        return in.current().isOperator("]") || in.current().isOperator(",");
    }

    private Expr.Arguments arguments() {
        in.expect(Kind.OPERATOR, "(");
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> keywords = new LinkedHashMap<>();
        Expr[] spread = new Expr[2];
        commaSeparated(")", () -> {
            if (in.current().isOperator("*") && spread[0] == null && spread[1] == null) {
                in.next();
                spread[0] = expression(true);
            } else if (in.current().isOperator("**") && spread[1] == null) {
                in.next();
                spread[1] = expression(true);
            } else if (spread[0] != null || spread[1] != null) {
                throw in.error("invalid syntax for function call expression");
            } else if (in.current().kind() == Kind.NAME && in.peek(1).isOperator("=")) {
                String key = in.next().text();
                in.next();
                keywords.put(key, expression(true));
            } else if (!keywords.isEmpty()) {
                throw in.error("invalid syntax for function call expression");
            } else {
                positional.add(expression(true));
            }
        });
        return new Expr.Arguments(positional, keywords, spread[0], spread[1]);
    }
}
