package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Python's str methods that chat templates call ({@code content.strip()}, {@code .split('</think>')},
 * {@code .startswith(('a', 'b'))}, {@code .title()}, {@code '{}'.format(x)}, ...), with Python's results:
 * indices count code points, {@code split()} without a separator splits on whitespace runs. Over 300 lines
 * because it is one table of some forty small methods, read best side by side.
 */
final class StringMethods {
    static final MethodTable TABLE = new MethodTable(methods(), Set.of());

    private StringMethods() {
    }

    private static Map<String, MethodTable.Method> methods() {
        Map<String, MethodTable.Method> m = new HashMap<>();
        m.put("strip", (s, a) -> Py.strip(str(s), chars(a)));
        m.put("lstrip", (s, a) -> Py.lstrip(str(s), chars(a)));
        m.put("rstrip", (s, a) -> Py.rstrip(str(s), chars(a)));
        m.put("upper", (s, a) -> str(s).toUpperCase(Locale.ROOT));
        m.put("lower", (s, a) -> str(s).toLowerCase(Locale.ROOT));
        m.put("casefold", (s, a) -> str(s).toLowerCase(Locale.ROOT));
        m.put("swapcase", (s, a) -> swapcase(str(s)));
        m.put("title", (s, a) -> title(str(s)));
        m.put("capitalize", (s, a) -> capitalize(str(s)));
        m.put("split", (s, a) -> split(str(s), a, false));
        m.put("rsplit", (s, a) -> split(str(s), a, true));
        m.put("splitlines", (s, a) -> splitLines(str(s), Py.truthy(a.get(0, "keepends", false))));
        m.put("startswith", (s, a) -> affix(str(s), a, true));
        m.put("endswith", (s, a) -> affix(str(s), a, false));
        m.put("replace", (s, a) -> replace(str(s), text(a.get(0, "old", null)), text(a.get(1, "new", null)),
                Py.toLong(a.get(2, "count", -1L))));
        m.put("find", (s, a) -> find(str(s), a, false));
        m.put("rfind", (s, a) -> find(str(s), a, true));
        m.put("index", (s, a) -> found(find(str(s), a, false)));
        m.put("rindex", (s, a) -> found(find(str(s), a, true)));
        m.put("count", (s, a) -> count(str(s), text(a.get(0, "sub", null))));
        m.put("join", (s, a) -> join(str(s), a.get(0, "iterable", null)));
        m.put("format", (s, a) -> StringFormat.format(str(s), a));
        m.put("removeprefix", (s, a) -> str(s).startsWith(text(a.get(0, "prefix", null)))
                ? str(s).substring(text(a.get(0, "prefix", null)).length()) : s);
        m.put("removesuffix", (s, a) -> removeSuffix(str(s), text(a.get(0, "suffix", null))));
        m.put("partition", (s, a) -> partition(str(s), text(a.get(0, "sep", null)), false));
        m.put("rpartition", (s, a) -> partition(str(s), text(a.get(0, "sep", null)), true));
        m.put("isdigit", (s, a) -> all(str(s), Character::isDigit));
        m.put("isnumeric", (s, a) -> all(str(s), Character::isDigit));
        m.put("isdecimal", (s, a) -> all(str(s), Character::isDigit));
        m.put("isalpha", (s, a) -> all(str(s), Character::isLetter));
        m.put("isalnum", (s, a) -> all(str(s), Character::isLetterOrDigit));
        m.put("isspace", (s, a) -> all(str(s), cp -> cp < 0x10000 && Py.isSpace((char) cp)));
        m.put("isupper", (s, a) -> cased(str(s)) && str(s).equals(str(s).toUpperCase(Locale.ROOT)));
        m.put("islower", (s, a) -> cased(str(s)) && str(s).equals(str(s).toLowerCase(Locale.ROOT)));
        m.put("center", (s, a) -> pad(str(s), a, 0));
        m.put("ljust", (s, a) -> pad(str(s), a, -1));
        m.put("rjust", (s, a) -> pad(str(s), a, 1));
        m.put("zfill", (s, a) -> zfill(str(s), (int) Py.toLong(a.get(0, "width", 0L))));
        return m;
    }

    static String str(Object s) {
        return (String) s;
    }

    private static String text(Object v) {
        if (!(v instanceof String s)) {
            throw new TemplateException("must be str, not " + Py.typeName(v));
        }
        return s;
    }

    private static String chars(Args a) {
        Object c = a.get(0, "chars", null);
        return c == null ? null : text(c);
    }

    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int cp : s.codePoints().toArray()) {
            out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            previousCased = isCased(cp);
        }
        return out.toString();
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new String(Character.toChars(Character.toTitleCase(first)))
                + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    private static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.isUpperCase(cp) ? Character.toLowerCase(cp)
                : Character.isLowerCase(cp) ? Character.toUpperCase(cp) : cp));
        return out.toString();
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean cased(String s) {
        return s.codePoints().anyMatch(StringMethods::isCased);
    }

    private static boolean all(String s, java.util.function.IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    /** Python's split/rsplit: no separator splits on whitespace runs and drops empty ends. */
    private static List<Object> split(String s, Args a, boolean fromRight) {
        Object sepArg = a.get(0, "sep", null);
        long max = Py.toLong(a.get(1, "maxsplit", -1L));
        List<Object> parts = new ArrayList<>();
        if (sepArg == null) {
            String rest = fromRight ? Py.rstrip(s, null) : Py.lstrip(s, null);
            while (!rest.isEmpty()) {
                if (max >= 0 && parts.size() == max) {
                    parts.add(fromRight ? Py.rstrip(rest, null) : Py.lstrip(rest, null));
                    break;
                }
                int cut = fromRight ? lastSpace(rest) : firstSpace(rest);
                if (cut < 0) {
                    parts.add(rest);
                    break;
                }
                parts.add(fromRight ? rest.substring(cut + 1) : rest.substring(0, cut));
                rest = fromRight ? Py.rstrip(rest.substring(0, cut), null) : Py.lstrip(rest.substring(cut + 1), null);
            }
        } else {
            String sep = text(sepArg);
            if (sep.isEmpty()) {
                throw new TemplateException("empty separator");
            }
            String rest = s;
            while (max < 0 || parts.size() < max) {
                int at = fromRight ? rest.lastIndexOf(sep) : rest.indexOf(sep);
                if (at < 0) {
                    break;
                }
                parts.add(fromRight ? rest.substring(at + sep.length()) : rest.substring(0, at));
                rest = fromRight ? rest.substring(0, at) : rest.substring(at + sep.length());
            }
            parts.add(rest);
        }
        if (fromRight) {
            java.util.Collections.reverse(parts);
        }
        return parts;
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Py.isSpace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Py.isSpace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Python's splitlines: \n, \r, \r\n and the other Unicode line boundaries. */
    static List<Object> splitLines(String s, boolean keepEnds) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(c) >= 0) {
                int end = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(s.substring(start, keepEnds ? end : i));
                start = i = end;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static Object affix(String s, Args a, boolean prefix) {
        Object what = a.get(0, prefix ? "prefix" : "suffix", null);
        String window = window(s, a.get(1, "start", null), a.get(2, "end", null));
        if (what instanceof PyTuple options) {
            return options.stream().anyMatch(o -> prefix ? window.startsWith(text(o)) : window.endsWith(text(o)));
        }
        if (!(what instanceof String)) {
            throw new TemplateException((prefix ? "startswith" : "endswith")
                    + " first arg must be str or a tuple of str, not " + Py.typeName(what));
        }
        return prefix ? window.startsWith(text(what)) : window.endsWith(text(what));
    }

    private static String window(String s, Object start, Object end) {
        if (start == null && end == null) {
            return s;
        }
        return (String) Lookup.slice(s, start, end, null);
    }

    private static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (long n = 0; n < count; n++) {
            int at = s.indexOf(old, from);
            if (at < 0 || old.isEmpty() && at > s.length()) {
                break;
            }
            out.append(s, from, at).append(replacement);
            if (old.isEmpty()) {
                if (at < s.length()) {
                    out.append(s.charAt(at));
                }
                from = at + 1;
            } else {
                from = at + old.length();
            }
        }
        return from <= s.length() ? out.append(s.substring(from)).toString() : out.toString();
    }

    private static long find(String s, Args a, boolean fromRight) {
        String sub = text(a.get(0, "sub", null));
        int at = fromRight ? s.lastIndexOf(sub) : s.indexOf(sub);
        return at < 0 ? -1 : s.codePointCount(0, at);
    }

    private static long found(long index) {
        if (index < 0) {
            throw new TemplateException("substring not found");
        }
        return index;
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return Py.len(s) + 1L;
        }
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static String join(String separator, Object iterable) {
        List<String> parts = new ArrayList<>();
        for (Object item : Py.iterate(iterable)) {
            if (!(item instanceof String s)) {
                throw new TemplateException("sequence item " + parts.size() + ": expected str instance, "
                        + Py.typeName(item) + " found");
            }
            parts.add(s);
        }
        return String.join(separator, parts);
    }

    private static String removeSuffix(String s, String suffix) {
        return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static PyTuple partition(String s, String sep, boolean fromRight) {
        int at = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return fromRight ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }

    /** center (0), ljust (-1) and rjust (1), with Python's placement of the odd fill character. */
    static String pad(String s, Args a, int align) {
        int width = (int) Py.toLong(a.get(0, "width", 0L));
        String fill = text(a.get(1, "fillchar", " "));
        int missing = width - Py.len(s);
        if (missing <= 0) {
            return s;
        }
        int left = align < 0 ? 0 : align > 0 ? missing : missing / 2 + (missing & width & 1);
        return fill.repeat(left) + s + fill.repeat(missing - left);
    }

    private static String zfill(String s, int width) {
        int missing = width - Py.len(s);
        if (missing <= 0) {
            return s;
        }
        boolean signed = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
        return signed ? s.charAt(0) + "0".repeat(missing) + s.substring(1) : "0".repeat(missing) + s;
    }
}
