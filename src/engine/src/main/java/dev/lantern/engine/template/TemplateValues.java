package dev.lantern.engine.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The boundary of the sandbox: converts what a caller passes to a template into the plain values the
 * interpreter knows (None, bool, int, float, str, list, dict), and refuses anything else, so no Java object
 * (and none of its methods) ever reaches a template.
 */
public final class TemplateValues {
    private TemplateValues() {
    }

    /** A deep, independent copy of {@code value} as template data; maps keep their insertion order. */
    public static Object of(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.scale() <= 0 && d.precision() - d.scale() < 19 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(of(k), of(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            ArrayList<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(of(x)));
            return out;
        }
        if (value instanceof Object[] array) {
            return of(java.util.Arrays.asList(array));
        }
        throw new IllegalArgumentException("a template cannot be given a " + value.getClass().getName()
                + ": only null, booleans, numbers, strings, lists and maps");
    }
}
