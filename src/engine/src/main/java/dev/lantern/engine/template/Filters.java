package dev.lantern.engine.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jinja2's built-in filters on text and numbers, plus transformers' {@code tojson}; the filters on
 * sequences live in {@link SequenceFilters}. A few jinja2 filters no chat template uses are recognised (so a
 * template naming them still parses, as it would in jinja2) but fail if applied. A registry of small
 * functions, longer than most classes for that reason.
 */
final class Filters {
    interface Filter {
        Object apply(Object value, Args args, Frame frame);
    }

    private static final Set<String> NOT_SUPPORTED = Set.of("filesizeformat", "pprint", "random", "urlencode",
            "urlize", "xmlattr", "wordwrap", "striptags", "groupby", "slice");
    private static final Pattern WORD_START = Pattern.compile("([-\\s({\\[<]+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Map<String, Filter> FILTERS = new HashMap<>();

    static {
        FILTERS.put("length", (v, a, f) -> (long) Py.len(v));
        FILTERS.put("count", FILTERS.get("length"));
        FILTERS.put("string", (v, a, f) -> PyStr.str(v));
        FILTERS.put("upper", (v, a, f) -> PyStr.str(v).toUpperCase(Locale.ROOT));
        FILTERS.put("lower", (v, a, f) -> PyStr.str(v).toLowerCase(Locale.ROOT));
        FILTERS.put("title", (v, a, f) -> title(PyStr.str(v)));
        FILTERS.put("capitalize", (v, a, f) -> StringMethods.capitalize(PyStr.str(v)));
        FILTERS.put("trim", (v, a, f) -> Py.strip(PyStr.str(v), (String) a.get(0, "chars", null)));
        FILTERS.put("replace", (v, a, f) -> StringMethods.TABLE.methods().get("replace").call(PyStr.str(v),
                new Args(List.of(a.get(0, "old", ""), a.get(1, "new", ""), a.get(2, "count", -1L) == null
                        ? -1L : a.get(2, "count", -1L)), Map.of())));
        FILTERS.put("default", (v, a, f) -> v instanceof Undefined || Py.truthy(a.get(1, "boolean", false))
                && !Py.truthy(v) ? a.get(0, "default_value", "") : v);
        FILTERS.put("d", FILTERS.get("default"));
        FILTERS.put("safe", (v, a, f) -> PyStr.str(v));
        FILTERS.put("escape", (v, a, f) -> escape(PyStr.str(v)));
        FILTERS.put("e", FILTERS.get("escape"));
        FILTERS.put("forceescape", FILTERS.get("escape"));
        FILTERS.put("tojson", (v, a, f) -> Json.dumps(v, Py.truthy(a.get(0, "ensure_ascii", false)),
                a.get(1, "indent", null), a.get(2, "separators", null), Py.truthy(a.get(3, "sort_keys", false))));
        FILTERS.put("int", (v, a, f) -> toInt(v, a.get(0, "default", 0L), (int) Py.toLong(a.get(1, "base", 10L))));
        FILTERS.put("float", (v, a, f) -> toFloat(v, a.get(0, "default", 0.0)));
        FILTERS.put("abs", (v, a, f) -> v instanceof Double d ? (Object) Math.abs(d) : (Object) Math.abs(Py.toLong(v)));
        FILTERS.put("round", (v, a, f) -> round(v, (int) Py.toLong(a.get(0, "precision", 0L)),
                (String) a.get(1, "method", "common")));
        FILTERS.put("center", (v, a, f) -> StringMethods.pad(PyStr.str(v), Args.of(a.get(0, "width", 80L)), 0));
        FILTERS.put("indent", (v, a, f) -> indent(text(v, "indent"), a.get(0, "width", 4L),
                Py.truthy(a.get(1, "first", false)), Py.truthy(a.get(2, "blank", false))));
        FILTERS.put("truncate", (v, a, f) -> truncate(v, a));
        FILTERS.put("wordcount", (v, a, f) -> wordCount(PyStr.str(v)));
        FILTERS.put("format", (v, a, f) -> StringFormat.percent(PyStr.str(v),
                a.positional().size() == 1 ? a.positional().get(0) : new PyTuple(a.positional())));
        FILTERS.put("attr", (v, a, f) -> Lookup.attribute(v, PyStr.str(a.get(0, "name", ""))));
        SequenceFilters.register(FILTERS);
    }

    private Filters() {
    }

    static boolean exists(String name) {
        return FILTERS.containsKey(name) || NOT_SUPPORTED.contains(name);
    }

    static Object apply(String name, Object value, Args args, Frame frame) {
        Filter filter = FILTERS.get(name);
        if (filter == null) {
            throw new TemplateException(NOT_SUPPORTED.contains(name) ? "the filter '" + name + "' is not supported"
                    : "No filter named '" + name + "' found.");
        }
        if (value instanceof Undefined u && !name.equals("default") && !name.equals("d") && strictOnUndefined(name)) {
            throw u.error();
        }
        try {
            return filter.apply(value, args, frame);
        } catch (ClassCastException | NullPointerException e) {
            throw new TemplateException("the filter '" + name + "' got a value or an argument of the wrong type");
        }
    }

    /** Filters that, in jinja2, touch the undefined value as an object rather than as text or a sequence. */
    private static boolean strictOnUndefined(String name) {
        return Set.of("tojson", "abs", "round", "attr", "dictsort", "int", "float", "indent").contains(name);
    }

    /** jinja2's title filter: capitalises after spaces, dashes and brackets (not after apostrophes, unlike str.title). */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD_START.matcher(s);
        int at = 0;
        while (m.find()) {
            titleWord(s.substring(at, m.start()), out);
            out.append(m.group());
            at = m.end();
        }
        titleWord(s.substring(at), out);
        return out.toString();
    }

    private static void titleWord(String word, StringBuilder out) {
        if (!word.isEmpty()) {
            int first = word.codePointAt(0);
            out.appendCodePoint(Character.toUpperCase(first));
            out.append(word.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
        }
    }

    /** The value a filter that works on str itself (not on its text) needs, as Python would insist. */
    private static String text(Object v, String filter) {
        if (!(v instanceof String s)) {
            throw new TemplateException("the " + filter + " filter needs a string, not " + Py.typeName(v));
        }
        return s;
    }

    /** Runs of Python's {@code \\w}: letters, numbers and underscore (not joiners or marks, unlike Java's). */
    private static long wordCount(String s) {
        long words = 0;
        boolean inWord = false;
        for (int cp : s.codePoints().toArray()) {
            int type = Character.getType(cp);
            boolean word = Character.isLetter(cp) || cp == '_' || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
            if (word && !inWord) {
                words++;
            }
            inWord = word;
        }
        return words;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }

    private static Object toInt(Object v, Object fallback, int base) {
        try {
            if (v instanceof String s) {
                return parseInt(Py.strip(s, null).replace("_", ""), base);
            }
            if (Py.isInteger(v)) {
                return Py.toLong(v);
            }
            if (v instanceof Double d) {
                return (long) d.doubleValue();
            }
        } catch (NumberFormatException e) {
            Object asFloat = toFloat(v, null);
            return asFloat instanceof Double d && Double.isFinite(d) ? (Object) (long) d.doubleValue() : fallback;
        }
        return fallback;
    }

    /** Python's int(text, base): a sign, then for base 16, 8 or 2 (or 0, meaning any) an optional 0x/0o/0b. */
    private static long parseInt(String text, int base) {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        String prefix = digits.length() > 1 ? digits.substring(0, 2).toLowerCase(Locale.ROOT) : "";
        int radix = base;
        if (prefix.equals("0x") && (base == 16 || base == 0) || prefix.equals("0o") && (base == 8 || base == 0)
                || prefix.equals("0b") && (base == 2 || base == 0)) {
            radix = prefix.equals("0x") ? 16 : prefix.equals("0o") ? 8 : 2;
            digits = digits.substring(2);
        } else if (base == 0) {
            radix = 10;
        }
        long value = Long.parseLong(digits, radix);
        return text.startsWith("-") ? -value : value;
    }

    private static Object toFloat(Object v, Object fallback) {
        if (Py.isNumber(v)) {
            return Py.toDouble(v);
        }
        if (v instanceof String s) {
            String t = Py.strip(s, null).toLowerCase(Locale.ROOT).replace("_", "");
            try {
                return switch (t) {
                    case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                    case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                    case "nan", "+nan", "-nan" -> Double.NaN;
                    default -> t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?") ? Double.parseDouble(t) : fallback;
                };
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** Python's round (half to even on the exact binary value), or floor/ceil at the precision. */
    private static Object round(Object v, int precision, String method) {
        if (!Set.of("common", "ceil", "floor").contains(method)) {
            throw new TemplateException("method must be common, ceil or floor");
        }
        if (method.equals("common")) {
            if (Py.isInteger(v) && precision >= 0) {
                return Py.toLong(v);
            }
            return new BigDecimal(Py.toDouble(v)).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
        }
        double scale = Math.pow(10, precision);
        double scaled = Py.toDouble(v) * scale;
        return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
    }

    /** jinja2's indent: the first line only with {@code first}, blank lines only with {@code blank}. */
    private static String indent(String s, Object width, boolean first, boolean blank) {
        String pad = width instanceof String w ? w : " ".repeat((int) Py.toLong(width));
        List<Object> lines = StringMethods.splitLines(s + "\n", false);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = (String) lines.get(i);
            if (i > 0) {
                out.append('\n');
                if (blank || !line.isEmpty()) {
                    out.append(pad);
                }
            }
            out.append(line);
        }
        return first ? pad + out : out.toString();
    }

    /** jinja2's truncate measures the value itself, so a short list passes through and a number fails. */
    private static Object truncate(Object v, Args a) {
        int length = (int) Py.toLong(a.get(0, "length", 255L));
        boolean killWords = Py.truthy(a.get(1, "killwords", false));
        String end = PyStr.str(a.get(2, "end", "..."));
        int leeway = (int) Py.toLong(a.get(3, "leeway", 5L) == null ? 5L : a.get(3, "leeway", 5L));
        if (Py.len(v) <= length + leeway) {
            return v;
        }
        String s = text(v, "truncate");
        String head = (String) Lookup.slice(s, 0L, (long) (length - Py.len(end)), null);
        if (killWords) {
            return head + end;
        }
        int space = head.lastIndexOf(' ');
        return (space < 0 ? head : head.substring(0, space)) + end;
    }
}
