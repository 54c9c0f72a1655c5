package dev.lantern.reliability;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded mutation fuzzer for JSON request bodies: the {@code i}-th mutant of a valid body and seed is always the
 * same bytes. Structural mutations (a member dropped, added, duplicated; a value replaced by another type, an edge
 * number, a huge string, a lone surrogate, deep nesting, a long array; a value wrapped in an array) test validation
 * and mapping; textual ones (truncation, stray bytes, invalid UTF-8, a byte-order mark, trailing garbage, other
 * top-level values) test the JSON reader. Includes its own small JSON reader and writer: plain JDK.
 */
public final class JsonMutator {

    private static final Object[] EDGE_VALUES = {null, true, false, 0, -1, 1, new BigDecimal("1.5"), new BigDecimal("-0"),
            new BigDecimal("1e308"), new BigDecimal("-1e308"), new BigDecimal("1e-400"), new BigDecimal("9223372036854775808"),
            new BigDecimal("2147483648"), new BigDecimal("123456789012345678901234567890"), "", "x", "0", "true", "null",
            "\u0000", "\uFFFF", "<|im_end|>", "</s>", "{{ raise_exception('x') }}", "%00", "../../etc/passwd",
            "\u202e\u0645", "😀", List.of(), Map.of(), List.of(1, 2, 3), Map.of("role", "user", "content", "hi")};

    private JsonMutator() {
    }

    /** The {@code index}-th mutant of the JSON text {@code valid}. */
    public static byte[] mutant(String valid, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index * 31L + valid.hashCode());
        if (random.nextInt(5) == 0) {
            return textual(valid, random);
        }
        Object tree = parse(valid);
        StringBuilder raw = new StringBuilder();
        for (int r = 1 + random.nextInt(3); r > 0; r--) {
            tree = structural(tree, random, raw);
        }
        String json = write(tree);
        if (raw.length() > 0) {
            // Members that a Map cannot hold (a repeated key) or that JSON text alone can say (a lone surrogate).
            int brace = json.indexOf('{');
            if (brace >= 0) {
                json = json.substring(0, brace + 1) + raw + (json.charAt(brace + 1) == '}' ? "" : ",")
                        + json.substring(brace + 1);
            }
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] textual(String valid, Random random) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length + 1);
        return switch (random.nextInt(9)) {
            case 0 -> java.util.Arrays.copyOf(bytes, at);
            case 1 -> splice(bytes, at, new byte[] {(byte) 0xc3, 0x28});
            case 2 -> splice(bytes, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            case 3 -> splice(bytes, bytes.length, "}garbage".getBytes(StandardCharsets.UTF_8));
            case 4 -> new String[] {"", "null", "[]", "\"x\"", "0", "{}", "{", "{\"a\":", "[{}]", "true"}[random.nextInt(10)]
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> splice(bytes, at, new byte[] {(byte) random.nextInt(256)});
            case 6 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 7 -> DocumentMutator.mutateBytes(bytes, null, random, 1 + random.nextInt(3));
            default -> valid.replace(":", ": /* comment */").getBytes(StandardCharsets.UTF_8);
        };
    }

    @SuppressWarnings("unchecked")
    private static Object structural(Object tree, Random random, StringBuilder raw) {
        List<Object> containers = new ArrayList<>();
        collect(tree, containers);
        if (containers.isEmpty()) {
            return EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
        }
        Object target = containers.get(random.nextInt(containers.size()));
        if (target instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            List<String> keys = new ArrayList<>(map.keySet());
            String key = keys.isEmpty() ? "extra" : keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(8)) {
                case 0 -> map.remove(key);
                case 1 -> map.put("unknown_" + random.nextInt(100), EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]);
                case 2 -> {
                    List<Object> wrapped = new ArrayList<>();
                    wrapped.add(map.get(key));
                    map.put(key, wrapped);
                }
                case 3 -> map.put(key, hugeString(random));
                // As text: a tree 3,000 deep would overflow this class's own recursive writer and copier.
                case 4 -> raw.append("\"").append(key).append("\":")
                        .append(deep(random.nextBoolean(), 50 + random.nextInt(3000)));
                case 5 -> map.put(key, longArray(random));
                case 6 -> raw.append(random.nextBoolean() ? "\"" + key + "\":" + write(EDGE_VALUES[random.nextInt(EDGE_VALUES.length)])
                        : "\"" + key + "\":\"\\ud800\\u0000\"");
                default -> map.put(key, EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]);
            }
        } else {
            List<Object> list = (List<Object>) target;
            if (list.isEmpty()) {
                list.add(EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]);
            } else {
                int i = random.nextInt(list.size());
                switch (random.nextInt(4)) {
                    case 0 -> list.remove(i);
                    case 1 -> {
                        for (int k = random.nextInt(300); k >= 0; k--) {
                            list.add(copy(list.get(i)));
                        }
                    }
                    case 2 -> list.set(i, hugeString(random));
                    default -> list.set(i, EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]);
                }
            }
        }
        return tree;
    }

    private static String hugeString(Random random) {
        String unit = new String[] {"a", "word ", "😀", "\u0000", "<s>", "\\"}[random.nextInt(6)];
        return unit.repeat(1 + random.nextInt(300_000 / unit.length()));
    }

    private static String deep(boolean arrays, int depth) {
        return arrays ? "[".repeat(depth) + "\"bottom\"" + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "\"bottom\"" + "}".repeat(depth);
    }

    private static List<Object> longArray(Random random) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(20_000); i >= 0; i--) {
            list.add(random.nextBoolean() ? i : "s" + i);
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    private static void collect(Object value, List<Object> into) {
        if (value instanceof LinkedHashMap<?, ?> m) {
            into.add(m);
            m.values().forEach(v -> collect(v, into));
        } else if (value instanceof ArrayList<?> l) {
            into.add(l);
            l.forEach(v -> collect(v, into));
        }
    }

    // ---- a small JSON reader and writer -----------------------------------------------------------------------

    /** Parses JSON into LinkedHashMap, ArrayList, String, BigDecimal, Boolean and null. */
    public static Object parse(String json) {
        int[] at = {0};
        Object value = value(json, at);
        skip(json, at);
        if (at[0] != json.length()) {
            throw new IllegalArgumentException("trailing text at " + at[0]);
        }
        return value;
    }

    private static Object value(String s, int[] at) {
        skip(s, at);
        char c = s.charAt(at[0]);
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            at[0]++;
            skip(s, at);
            if (s.charAt(at[0]) == '}') {
                at[0]++;
                return map;
            }
            while (true) {
                skip(s, at);
                String key = string(s, at);
                skip(s, at);
                at[0]++; // ':'
                map.put(key, value(s, at));
                skip(s, at);
                if (s.charAt(at[0]++) == '}') {
                    return map;
                }
            }
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            at[0]++;
            skip(s, at);
            if (s.charAt(at[0]) == ']') {
                at[0]++;
                return list;
            }
            while (true) {
                list.add(value(s, at));
                skip(s, at);
                if (s.charAt(at[0]++) == ']') {
                    return list;
                }
            }
        }
        if (c == '"') {
            return string(s, at);
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, at[0])) {
                at[0] += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = at[0];
        while (at[0] < s.length() && "+-0123456789.eE".indexOf(s.charAt(at[0])) >= 0) {
            at[0]++;
        }
        return new BigDecimal(s.substring(start, at[0]));
    }

    private static String string(String s, int[] at) {
        StringBuilder out = new StringBuilder();
        at[0]++;
        while (true) {
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = s.charAt(at[0]++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                        at[0] += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void skip(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    /** Writes a value of the types {@link #parse} makes (and Integer, Map.of, List.of). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString());
        } else {
            out.append(value);
        }
    }

    static byte[] splice(byte[] bytes, int at, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(extra);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
