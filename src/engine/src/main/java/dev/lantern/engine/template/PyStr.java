package dev.lantern.engine.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Python's {@code str()} and {@code repr()} of template values, which is what {@code {{ value }}} prints:
 * {@code True}, {@code None}, {@code [1, 'a']}, {@code {'k': (1,)}}, and floats as Python's shortest
 * round-trip repr ({@code 1e+16}, {@code 0.0001}, {@code 1e-05}).
 */
final class PyStr {
    private PyStr() {
    }

    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Undefined) {
            return "";
        }
        return repr(v);
    }

    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return floatRepr(d);
        }
        if (v instanceof String s) {
            return stringRepr(s);
        }
        if (v instanceof PyTuple t) {
            StringJoiner j = new StringJoiner(", ", "(", t.size() == 1 ? ",)" : ")");
            t.forEach(x -> j.add(repr(x)));
            return j.toString();
        }
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            l.forEach(x -> j.add(repr(x)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, x) -> j.add(repr(k) + ": " + repr(x)));
            return j.toString();
        }
        if (v instanceof Undefined) {
            return "Undefined";
        }
        return v.toString();
    }

    /** CPython's repr of a float: shortest digits that round-trip, exponent outside 1e-4 <= |x| < 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDigits(Math.abs(d));
        String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
        int pointAt = shortest.precision() - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (pointAt <= -4 || pointAt > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = pointAt - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (pointAt <= 0) {
            return sign + "0." + "0".repeat(-pointAt) + digits;
        }
        if (pointAt >= digits.length()) {
            return sign + digits + "0".repeat(pointAt - digits.length()) + ".0";
        }
        return sign + digits.substring(0, pointAt) + "." + digits.substring(pointAt);
    }

    private static BigDecimal shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    static String stringRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || printable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append(quote).toString();
    }

    /** Python's str.isprintable() for one non-ASCII code point: not a control, format, separator or unassigned. */
    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
