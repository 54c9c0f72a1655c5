package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's arithmetic on template values: int and float (bool counts as int), str and list concatenation
 * and repetition, true division, floor division and modulo with the divisor's sign. An int result that
 * would overflow 64 bits is an error rather than a silently wrong number.
 */
final class PyMath {
    private PyMath() {
    }

    /** @param maxSize the longest string or list a repetition may build (the render's output bound) */
    static Object binary(String op, Object a, Object b, long maxSize) {
        failIfUndefined(a);
        failIfUndefined(b);
        try {
            return switch (op) {
                case "+" -> add(a, b);
                case "-" -> numeric(op, a, b, Math::subtractExact, (x, y) -> x - y);
                case "*" -> multiply(a, b, maxSize);
                case "/" -> divide(a, b);
                case "//" -> numeric(op, a, b, (x, y) -> Math.floorDiv(x, nonZero(y)), (x, y) -> Math.floor(x / nonZero(y)));
                case "%" -> a instanceof String pattern ? StringFormat.percent(pattern, b) : numeric(op, a, b, (x, y) -> Math.floorMod(x, nonZero(y)), PyMath::floatMod);
                case "**" -> power(a, b);
                default -> throw new IllegalArgumentException(op);
            };
        } catch (ArithmeticException e) {
            throw new TemplateException("integer overflow in '" + op + "'");
        }
    }

    static Object negate(Object v) {
        failIfUndefined(v);
        if (v instanceof Double d) {
            return -d;
        }
        if (Py.isInteger(v)) {
            return Math.negateExact(Py.toLong(v));
        }
        throw new TemplateException("bad operand type for unary -: '" + Py.typeName(v) + "'");
    }

    static Object plus(Object v) {
        failIfUndefined(v);
        if (Py.isNumber(v)) {
            return v instanceof Boolean ? (Object) Py.toLong(v) : v;
        }
        throw new TemplateException("bad operand type for unary +: '" + Py.typeName(v) + "'");
    }

    private static Object add(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof String && !(b instanceof String)) {
            throw new TemplateException("can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
        }
        if (a instanceof List<?> x && b instanceof List<?> y && a instanceof PyTuple == b instanceof PyTuple) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return a instanceof PyTuple ? new PyTuple(joined) : joined;
        }
        if (a instanceof List<?> && !(a instanceof PyTuple)) {
            throw new TemplateException("can only concatenate list (not \"" + Py.typeName(b) + "\") to list");
        }
        return numeric("+", a, b, Math::addExact, Double::sum);
    }

    private static Object multiply(Object a, Object b, long maxSize) {
        if (Py.isInteger(a) && (b instanceof String || b instanceof List)) {
            return multiply(b, a, maxSize);
        }
        if ((a instanceof String || a instanceof List) && Py.isInteger(b)) {
            long times = Math.max(0, Py.toLong(b));
            if (times > 0 && Py.len(a) > maxSize / times) {
                throw new TemplateException("the template built a value longer than " + maxSize + " by repetition");
            }
        }
        if (a instanceof String s && Py.isInteger(b)) {
            return s.repeat((int) Math.max(0, Py.toLong(b)));
        }
        if (a instanceof List<?> l && Py.isInteger(b)) {
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < Py.toLong(b); i++) {
                out.addAll(l);
            }
            return a instanceof PyTuple ? new PyTuple(out) : out;
        }
        return numeric("*", a, b, Math::multiplyExact, (x, y) -> x * y);
    }

    private static Object divide(Object a, Object b) {
        requireNumbers("/", a, b);
        double divisor = Py.toDouble(b);
        if (divisor == 0) {
            throw new TemplateException("division by zero");
        }
        return Py.toDouble(a) / divisor;
    }

    private static Object power(Object a, Object b) {
        requireNumbers("**", a, b);
        if (Py.isInteger(a) && Py.isInteger(b) && Py.toLong(b) >= 0) {
            long base = Py.toLong(a);
            long result = 1;
            for (long i = 0; i < Py.toLong(b); i++) {
                result = Math.multiplyExact(result, base);
                if (result == 0 || result == 1 && base == 1) {
                    break;
                }
            }
            return result;
        }
        return Math.pow(Py.toDouble(a), Py.toDouble(b));
    }

    private static double floatMod(double x, double y) {
        double r = x % nonZero(y);
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }

    private static long nonZero(long y) {
        if (y == 0) {
            throw new TemplateException("integer division or modulo by zero");
        }
        return y;
    }

    private static double nonZero(double y) {
        if (y == 0) {
            throw new TemplateException("float division by zero");
        }
        return y;
    }

    private interface LongOp {
        long apply(long x, long y);
    }

    private interface DoubleOp {
        double apply(double x, double y);
    }

    private static Object numeric(String op, Object a, Object b, LongOp longOp, DoubleOp doubleOp) {
        requireNumbers(op, a, b);
        if (a instanceof Double || b instanceof Double) {
            return doubleOp.apply(Py.toDouble(a), Py.toDouble(b));
        }
        return longOp.apply(Py.toLong(a), Py.toLong(b));
    }

    private static void requireNumbers(String op, Object a, Object b) {
        if (!Py.isNumber(a) || !Py.isNumber(b)) {
            throw new TemplateException("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '"
                    + Py.typeName(b) + "'");
        }
    }

    private static void failIfUndefined(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
    }
}
