package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * jinja2's filters over sequences and mappings: {@code join}, {@code first}/{@code last}, {@code list},
 * {@code items}, {@code dictsort}, {@code map}, {@code select}/{@code reject} and their {@code attr} forms,
 * {@code unique}, {@code reverse}, {@code sort}, {@code sum}, {@code min}/{@code max}, {@code batch}. Sorting
 * is stable and, unless asked, case-insensitive, as jinja2's is.
 */
final class SequenceFilters {
    private SequenceFilters() {
    }

    static void register(Map<String, Filters.Filter> filters) {
        filters.put("join", (v, a, f) -> join(v, a));
        filters.put("first", (v, a, f) -> {
            List<Object> items = Py.iterate(v);
            return items.isEmpty() ? Undefined.withHint("No first item, sequence was empty.") : items.get(0);
        });
        filters.put("last", (v, a, f) -> {
            if (v instanceof PyIterator it) {
                throw new TemplateException("'" + it.kind() + "' object is not reversible");
            }
            List<Object> items = Py.iterate(v);
            return items.isEmpty() ? Undefined.withHint("No last item, sequence was empty.") : items.get(items.size() - 1);
        });
        filters.put("list", (v, a, f) -> new ArrayList<>(Py.iterate(v)));
        filters.put("items", (v, a, f) -> generator(() -> {
            if (v instanceof Undefined) {
                return List.of();
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new TemplateException("Can only get item pairs from a mapping.");
            }
            return CollectionMethods.items(m);
        }));
        filters.put("dictsort", (v, a, f) -> dictsort(v, a));
        filters.put("map", (v, a, f) -> generator(() -> map(v, a, f)));
        filters.put("select", (v, a, f) -> generator(() -> select(v, a, false, true)));
        filters.put("reject", (v, a, f) -> generator(() -> select(v, a, false, false)));
        filters.put("selectattr", (v, a, f) -> generator(() -> select(v, a, true, true)));
        filters.put("rejectattr", (v, a, f) -> generator(() -> select(v, a, true, false)));
        filters.put("unique", (v, a, f) -> generator(() -> unique(v, a)));
        filters.put("reverse", (v, a, f) -> reverse(v));
        filters.put("sort", (v, a, f) -> sort(v, a));
        filters.put("sum", (v, a, f) -> {
            Object total = a.get(1, "start", 0L);
            for (Object item : values(v, a.get(0, "attribute", null))) {
                total = PyMath.binary("+", total, item, f.state.maxSize());
            }
            return total;
        });
        filters.put("min", (v, a, f) -> extreme(v, a, -1));
        filters.put("max", (v, a, f) -> extreme(v, a, 1));
        filters.put("batch", (v, a, f) -> generator(() -> batch(v, (int) Py.toLong(a.get(0, "linecount", 1L)),
                a.has(1, "fill_with"), a.get(1, "fill_with", null))));
    }

    /** A generator whose items are computed, with any error they raise, when it is first consumed. */
    private static PyIterator generator(java.util.function.Supplier<List<?>> items) {
        return new PyIterator("generator", () -> items.get().iterator());
    }

    /** jinja2's reverse: a string reversed, else Python's reversed() iterator, else a reversed list. */
    private static Object reverse(Object v) {
        if (v instanceof String s) {
            return Lookup.slice(s, null, null, -1L);
        }
        if (v instanceof List || v instanceof Map || v instanceof Undefined) {
            List<Object> items = new ArrayList<>(Py.iterate(v));
            Collections.reverse(items);
            String kind = v instanceof PyTuple ? "reversed" : v instanceof List ? "list_reverseiterator"
                    : v instanceof Map ? "dict_reversekeyiterator" : "reversed";
            return new PyIterator(kind, items::iterator);
        }
        List<Object> items = new ArrayList<>(Py.iterate(v));
        Collections.reverse(items);
        return items;
    }

    /** jinja2's attribute getter: a dotted path of keys (or indices), each looked up as a subscript. */
    static Object attribute(Object item, String path) {
        Object value = item;
        for (String part : path.split("\\.")) {
            value = Lookup.item(value, part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                    ? (Object) Long.parseLong(part) : part);
        }
        return value;
    }

    private static List<Object> values(Object v, Object attribute) {
        List<Object> items = Py.iterate(v);
        if (attribute == null) {
            return items;
        }
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(attribute(item, PyStr.str(attribute))));
        return out;
    }

    private static String join(Object v, Args a) {
        StringBuilder out = new StringBuilder();
        String separator = PyStr.str(a.get(0, "d", ""));
        List<Object> items = values(v, a.get(1, "attribute", null));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(PyStr.str(items.get(i)));
        }
        return out.toString();
    }

    private static List<Object> map(Object v, Args a, Frame f) {
        List<Object> out = new ArrayList<>();
        if (a.positional().isEmpty() && a.keywords().containsKey("attribute")) {
            for (Object item : Py.iterate(v)) {
                Object value = attribute(item, PyStr.str(a.keywords().get("attribute")));
                out.add(value instanceof Undefined && a.keywords().containsKey("default")
                        ? a.keywords().get("default") : value);
            }
            return out;
        }
        String filter = PyStr.str(a.get(0, "", null));
        Args rest = a.drop(1);
        for (Object item : Py.iterate(v)) {
            out.add(Filters.apply(filter, item, rest, f));
        }
        return out;
    }

    private static List<Object> select(Object v, Args a, boolean byAttribute, boolean keep) {
        Args rest = byAttribute ? a.drop(1) : a;
        String test = rest.positional().isEmpty() ? null : PyStr.str(rest.positional().get(0));
        Args testArgs = rest.drop(1);
        List<Object> out = new ArrayList<>();
        for (Object item : Py.iterate(v)) {
            Object subject = byAttribute ? attribute(item, PyStr.str(a.positional().get(0))) : item;
            boolean passes = test == null ? Py.truthy(subject) : Tests.apply(test, subject, testArgs);
            if (passes == keep) {
                out.add(item);
            }
        }
        return out;
    }

    private static Comparator<Object> order(boolean caseSensitive) {
        return (x, y) -> Py.compare(sortKey(x, caseSensitive), sortKey(y, caseSensitive), "<");
    }

    private static Object sortKey(Object v, boolean caseSensitive) {
        if (!caseSensitive && v instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (v instanceof PyTuple t && !caseSensitive) {
            List<Object> keys = new ArrayList<>();
            t.forEach(x -> keys.add(sortKey(x, false)));
            return new PyTuple(keys);
        }
        return v;
    }

    private static List<Object> dictsort(Object v, Args a) {
        boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
        String by = PyStr.str(a.get(1, "by", "key"));
        int position = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new TemplateException("You can only sort by either \"key\" or \"value\"");
        };
        List<Object> pairs = new ArrayList<>(CollectionMethods.items((Map<?, ?>) v));
        Comparator<Object> order = Comparator.comparing(p -> ((PyTuple) p).get(position), order(caseSensitive));
        pairs.sort(Py.truthy(a.get(2, "reverse", false)) ? order.reversed() : order);
        return pairs;
    }

    private static List<Object> sort(Object v, Args a) {
        boolean reverse = Py.truthy(a.get(0, "reverse", false));
        boolean caseSensitive = Py.truthy(a.get(1, "case_sensitive", false));
        Object attribute = a.get(2, "attribute", null);
        List<Object> items = new ArrayList<>(Py.iterate(v));
        Comparator<Object> order = order(caseSensitive);
        if (attribute != null) {
            List<String> paths = List.of(PyStr.str(attribute).split(","));
            order = Comparator.comparing(item -> {
                List<Object> keys = new ArrayList<>();
                paths.forEach(p -> keys.add(attribute(item, p.strip())));
                return new PyTuple(keys);
            }, order(caseSensitive));
        }
        items.sort(reverse ? order.reversed() : order);
        return items;
    }

    private static List<Object> unique(Object v, Args a) {
        boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        List<Object> seen = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object item : Py.iterate(v)) {
            Object key = sortKey(attribute == null ? item : attribute(item, PyStr.str(attribute)), caseSensitive);
            if (seen.stream().noneMatch(k -> Py.eq(k, key))) {
                seen.add(key);
                out.add(item);
            }
        }
        return out;
    }

    private static Object extreme(Object v, Args a, int sign) {
        boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        List<Object> items = Py.iterate(v);
        if (items.isEmpty()) {
            return Undefined.withHint("No aggregated item, sequence was empty.");
        }
        Object best = items.get(0);
        for (Object item : items) {
            Object x = sortKey(attribute == null ? item : attribute(item, PyStr.str(attribute)), caseSensitive);
            Object y = sortKey(attribute == null ? best : attribute(best, PyStr.str(attribute)), caseSensitive);
            if (Py.compare(x, y, sign > 0 ? ">" : "<") * sign > 0) {
                best = item;
            }
        }
        return best;
    }

    private static List<Object> batch(Object v, int size, boolean fill, Object filler) {
        if (size <= 0) {
            throw new TemplateException("batch size must be positive");
        }
        List<Object> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : Py.iterate(v)) {
            current.add(item);
            if (current.size() == size) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            while (fill && current.size() < size) {
                current.add(filler);
            }
            out.add(current);
        }
        return out;
    }
}
