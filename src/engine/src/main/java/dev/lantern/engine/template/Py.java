package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's meaning of truth, length, iteration, membership, equality and ordering over the template's
 * values (None, bool, int as Long, float as Double, str, list, tuple, dict, Undefined). Strings are measured
 * and iterated by code point, as Python does, so an emoji counts as one character. Longer than most classes:
 * these are the few rules every other part of the interpreter relies on, kept together.
 */
final class Py {
    private Py() {
    }

    static boolean truthy(Object v) {
        if (v == null || v instanceof Undefined) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Undefined) {
            return "Undefined";
        }
        if (v instanceof Namespace) {
            return "Namespace";
        }
        if (v instanceof PyIterator it) {
            return it.kind();
        }
        return v instanceof PyCallable ? "function" : v.getClass().getSimpleName();
    }

    /** Python's str.isspace() for one char, which is also what {@code \s} matches in jinja2's lexer. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || (c >= 0x1c && c <= 0x1f);
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Boolean;
    }

    static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return (Long) v;
    }

    static double toDouble(Object v) {
        return v instanceof Double d ? d : toLong(v);
    }

    static int len(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Undefined) {
            return 0;
        }
        throw new TemplateException("object of type '" + typeName(v) + "' has no len()");
    }

    /** The items a for loop or a filter sees: characters of a string, keys of a dict, nothing for Undefined. */
    static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) l;
            return items;
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Undefined) {
            return List.of();
        }
        if (v instanceof PyIterator it) {
            return it.drain();
        }
        throw new TemplateException("'" + typeName(v) + "' object is not iterable");
    }

    static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw new TemplateException("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof Map<?, ?> m) {
            if (item instanceof Map || item instanceof List && !(item instanceof PyTuple)) {
                throw new TemplateException("unhashable type: '" + typeName(item) + "'");
            }
            return m.containsKey(item) || m.keySet().stream().anyMatch(k -> eq(k, item));
        }
        if (container instanceof List<?> l) {
            return l.stream().anyMatch(x -> eq(x, item));
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof PyIterator it) {
            return it.drain().stream().anyMatch(x -> eq(x, item));
        }
        throw new TemplateException("argument of type '" + typeName(container) + "' is not iterable");
    }

    static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            return a instanceof Double || b instanceof Double ? toDouble(a) == toDouble(b) : toLong(a) == toLong(b);
        }
        if (a instanceof PyTuple != b instanceof PyTuple) {
            return false;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size() && x.entrySet().stream()
                    .allMatch(e -> y.containsKey(e.getKey()) && eq(e.getValue(), y.get(e.getKey())));
        }
        if (a instanceof Undefined && b instanceof Undefined) {
            return true;
        }
        return a.equals(b);
    }

    /** Python's ordering: numbers with numbers, strings by code point, sequences element by element. */
    static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            return a instanceof Double || b instanceof Double
                    ? Double.compare(toDouble(a), toDouble(b)) : Long.compare(toLong(a), toLong(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y && (a instanceof PyTuple == b instanceof PyTuple)) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), op);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new TemplateException("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** Python's str.strip family: {@code chars == null} means whitespace. */
    static String strip(String s, String chars) {
        return lstrip(rstrip(s, chars), chars);
    }

    static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!stripped(cp, chars)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    static String rstrip(String s, String chars) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!stripped(cp, chars)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? cp < 0x10000 && isSpace((char) cp) : chars.indexOf(cp) >= 0;
    }
}
