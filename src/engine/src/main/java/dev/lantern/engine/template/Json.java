package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} as transformers' {@code tojson} filter calls it: non-ASCII kept unless
 * {@code ensure_ascii}, {@code indent} (a number of spaces or a string), {@code separators} (default
 * {@code ", "} and {@code ": "}, or {@code ","} between items when indenting) and {@code sort_keys}.
 */
final class Json {
    private final boolean ensureAscii;
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;

    private Json(boolean ensureAscii, String indent, String itemSeparator, String keySeparator, boolean sortKeys) {
        this.ensureAscii = ensureAscii;
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
    }

    static String dumps(Object value, boolean ensureAscii, Object indent, Object separators, boolean sortKeys) {
        String indentText = indent == null ? null
                : indent instanceof String s ? s : " ".repeat((int) Math.max(0, Py.toLong(indent)));
        String item = indentText == null ? ", " : ",";
        String key = ": ";
        if (separators != null) {
            List<Object> pair = Py.iterate(separators);
            if (pair.size() != 2) {
                throw new TemplateException("separators must be a pair of strings");
            }
            item = PyStr.str(pair.get(0));
            key = PyStr.str(pair.get(1));
        }
        StringBuilder out = new StringBuilder();
        new Json(ensureAscii, indentText, item, key, sortKeys).write(value, out, 0);
        return out.toString();
    }

    private void write(Object v, StringBuilder out, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Long l) {
            out.append(l);
        } else if (v instanceof Double d) {
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PyStr.floatRepr(d));
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof List<?> l) {
            container(out, level, '[', ']', l.size(), (i, o) -> write(l.get(i), o, level + 1));
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
            }
            container(out, level, '{', '}', entries.size(), (i, o) -> {
                string(key(entries.get(i).getKey()), o);
                o.append(keySeparator);
                write(entries.get(i).getValue(), o, level + 1);
            });
        } else {
            throw new TemplateException("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    private interface Element {
        void write(int index, StringBuilder out);
    }

    private void container(StringBuilder out, int level, char open, char close, int size, Element element) {
        out.append(open);
        if (size == 0) {
            out.append(close);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(itemSeparator);
            }
            if (indent != null) {
                out.append('\n').append(indent.repeat(level + 1));
            }
            element.write(i, out);
        }
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
        out.append(close);
    }

    /** Python turns non-string keys into strings: true, null, numbers as their JSON text. */
    private static String key(Object k) {
        if (k instanceof String s) {
            return s;
        }
        if (k == null || k instanceof Boolean || k instanceof Long || k instanceof Double) {
            return k == null ? "null" : k instanceof Boolean b ? String.valueOf(b) : k instanceof Double d
                    ? PyStr.floatRepr(d) : k.toString();
        }
        throw new TemplateException("keys must be str, int, float, bool or None, not " + Py.typeName(k));
    }

    private void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || ensureAscii && c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
