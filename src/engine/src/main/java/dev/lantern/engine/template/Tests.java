package dev.lantern.engine.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * jinja2's tests ({@code x is defined}, {@code x is string}, {@code n is divisibleby 3}, ...), with Python's
 * types: a bool is a number but not an integer; Undefined is iterable, a sequence and callable.
 */
final class Tests {
    private interface Test {
        boolean test(Object value, Args args);
    }

    private static final Map<String, Test> TESTS = new HashMap<>();

    static {
        TESTS.put("defined", (v, a) -> !(v instanceof Undefined));
        TESTS.put("undefined", (v, a) -> v instanceof Undefined);
        TESTS.put("none", (v, a) -> v == null);
        TESTS.put("boolean", (v, a) -> v instanceof Boolean);
        TESTS.put("true", (v, a) -> Boolean.TRUE.equals(v));
        TESTS.put("false", (v, a) -> Boolean.FALSE.equals(v));
        TESTS.put("integer", (v, a) -> v instanceof Long);
        TESTS.put("float", (v, a) -> v instanceof Double);
        TESTS.put("number", (v, a) -> Py.isNumber(v));
        TESTS.put("string", (v, a) -> v instanceof String);
        TESTS.put("mapping", (v, a) -> v instanceof Map);
        TESTS.put("sequence", (v, a) -> v instanceof String || v instanceof List || v instanceof Map
                || v instanceof Undefined);
        TESTS.put("iterable", (v, a) -> TESTS.get("sequence").test(v, a) || v instanceof PyIterator);
        TESTS.put("callable", (v, a) -> v instanceof PyCallable || v instanceof Undefined);
        TESTS.put("escaped", (v, a) -> false);
        TESTS.put("lower", (v, a) -> (Boolean) StringMethods.TABLE.methods().get("islower").call(PyStr.str(v), Args.NONE));
        TESTS.put("upper", (v, a) -> (Boolean) StringMethods.TABLE.methods().get("isupper").call(PyStr.str(v), Args.NONE));
        TESTS.put("odd", (v, a) -> Py.eq(PyMath.binary("%", v, 2L, 1), 1L));
        TESTS.put("even", (v, a) -> Py.eq(PyMath.binary("%", v, 2L, 1), 0L));
        TESTS.put("divisibleby", (v, a) -> Py.eq(PyMath.binary("%", v, a.get(0, "num", null), 1), 0L));
        TESTS.put("in", (v, a) -> Py.contains(a.get(0, "seq", null), v));
        TESTS.put("sameas", (v, a) -> sameAs(v, a.get(0, "other", null)));
        TESTS.put("filter", (v, a) -> v instanceof String s && Filters.exists(s));
        TESTS.put("test", (v, a) -> v instanceof String s && exists(s));
        comparison("==", "eq", "equalto");
        comparison("!=", "ne");
        comparison("<", "lt", "lessthan");
        comparison("<=", "le");
        comparison(">", "gt", "greaterthan");
        comparison(">=", "ge");
    }

    private Tests() {
    }

    private static void comparison(String op, String... names) {
        Test test = (v, a) -> Expr.Compare.compare(op, v, a.get(0, "other", null));
        TESTS.put(op, test);
        for (String name : names) {
            TESTS.put(name, test);
        }
    }

    /** Python's {@code is}: identity, which for None and booleans is equality. */
    private static boolean sameAs(Object a, Object b) {
        if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
            return a == null ? b == null : a.equals(b);
        }
        return a == b;
    }

    static boolean exists(String name) {
        return TESTS.containsKey(name);
    }

    static boolean apply(String name, Object value, Args args) {
        Test test = TESTS.get(name);
        if (test == null) {
            throw new TemplateException("no test named '" + name + "'");
        }
        return test.test(value, args);
    }
}
