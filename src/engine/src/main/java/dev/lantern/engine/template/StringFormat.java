package dev.lantern.engine.template;

import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str.format} and {@code str % args} for the forms templates use: {@code {}}, {@code {0}},
 * {@code {name}}, {@code !r}/{@code !s}, a format spec of fill, alignment, width, precision and type
 * ({@code d}, {@code f}, {@code s}); and {@code %s}, {@code %r}, {@code %d}, {@code %i}, {@code %f}, {@code %%}.
 */
final class StringFormat {
    private StringFormat() {
    }

    static String format(String pattern, Args args) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                out.append(c);
                i += 2;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw new TemplateException("Single '{' encountered in format string");
                }
                String field = pattern.substring(i + 1, close);
                String spec = "";
                String conversion = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                int bang = field.indexOf('!');
                if (bang >= 0) {
                    conversion = field.substring(bang + 1);
                    field = field.substring(0, bang);
                }
                Object value;
                if (field.isEmpty()) {
                    value = positional(args, auto++);
                } else if (field.chars().allMatch(Character::isDigit)) {
                    value = positional(args, Integer.parseInt(field));
                } else if (args.keywords().containsKey(field)) {
                    value = args.keywords().get(field);
                } else {
                    throw new TemplateException("KeyError: '" + field + "'");
                }
                out.append(applySpec(conversion.equals("r") ? PyStr.repr(value) : value, spec));
                i = close + 1;
            } else if (c == '}') {
                throw new TemplateException("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static Object positional(Args args, int index) {
        if (index >= args.positional().size()) {
            throw new TemplateException("Replacement index " + index + " out of range for positional args tuple");
        }
        return args.positional().get(index);
    }

    private static String applySpec(Object value, String spec) {
        if (spec.isEmpty()) {
            return PyStr.str(value);
        }
        char fill = ' ';
        char align = 0;
        int p = 0;
        if (spec.length() >= 2 && "<>^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            p = 2;
        } else if ("<>^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            p = 1;
        }
        boolean zeroPadded = p < spec.length() && spec.charAt(p) == '0';
        int widthStart = p;
        while (p < spec.length() && Character.isDigit(spec.charAt(p))) {
            p++;
        }
        int width = p > widthStart ? Integer.parseInt(spec.substring(widthStart, p)) : 0;
        int precision = -1;
        if (p < spec.length() && spec.charAt(p) == '.') {
            int start = ++p;
            while (p < spec.length() && Character.isDigit(spec.charAt(p))) {
                p++;
            }
            precision = Integer.parseInt(spec.substring(start, p));
        }
        char type = p < spec.length() ? spec.charAt(p) : 0;
        String text;
        if (type == 'f' || type == 'F' || (type == 0 && precision >= 0 && Py.isNumber(value))) {
            text = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "f", Py.toDouble(value));
        } else if (type == 'd') {
            text = String.valueOf(Py.toLong(value));
        } else {
            text = PyStr.str(value);
            if (precision >= 0 && precision < Py.len(text)) {
                text = (String) Lookup.slice(text, 0L, (long) precision, null);
            }
        }
        if (align == 0) {
            align = Py.isNumber(value) ? '>' : '<';
            if (zeroPadded) {
                fill = '0';
            }
        }
        int missing = width - Py.len(text);
        if (missing <= 0) {
            return text;
        }
        int left = align == '<' ? 0 : align == '>' ? missing : missing / 2;
        String pad = String.valueOf(fill);
        return pad.repeat(left) + text + pad.repeat(missing - left);
    }

    /** Python's printf-style {@code pattern % args} (args a tuple, or one value). */
    static String percent(String pattern, Object args) {
        List<?> values = args instanceof PyTuple t ? t : java.util.Collections.singletonList(args);
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= pattern.length()) {
                throw new TemplateException("incomplete format");
            }
            char type = pattern.charAt(i);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (next >= values.size()) {
                throw new TemplateException("not enough arguments for format string");
            }
            Object v = values.get(next++);
            out.append(switch (type) {
                case 's' -> PyStr.str(v);
                case 'r' -> PyStr.repr(v);
                case 'd', 'i' -> String.valueOf(Py.isInteger(v) ? Py.toLong(v) : (long) Py.toDouble(v));
                case 'f' -> String.format(Locale.ROOT, "%.6f", Py.toDouble(v));
                default -> throw new TemplateException("unsupported format character '" + type + "'");
            });
        }
        if (next < values.size() && !(args instanceof java.util.Map)) {
            throw new TemplateException("not all arguments converted during string formatting");
        }
        return out.toString();
    }
}
