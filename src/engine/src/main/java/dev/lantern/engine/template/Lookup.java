package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code x.name}, {@code x[key]} and {@code x[a:b:c]} with the sandboxed jinja2 rules: an attribute is looked
 * up as a Python attribute first (so {@code d.items} is the method) then as a key, a subscript as a key first
 * then as an attribute; what is missing is Undefined; mutating methods ({@code list.append}, {@code dict.update})
 * are refused as the immutable sandbox refuses them. Only the plain values of this package are ever reached.
 */
final class Lookup {
    private Lookup() {
    }

    static Object attribute(Object owner, String name) {
        if (owner instanceof Undefined u) {
            throw u.error();
        }
        Object method = method(owner, name);
        if (method != null) {
            return method;
        }
        if (owner instanceof Map<?, ?> m && m.containsKey(name)) {
            return m.get(name);
        }
        if (owner instanceof Namespace ns && ns.attributes.containsKey(name)) {
            return ns.attributes.get(name);
        }
        if (owner instanceof PyObject o) {
            return o.attribute(name);
        }
        return Undefined.missing(owner, name);
    }

    static Object item(Object owner, Object key) {
        if (owner instanceof Undefined u) {
            throw u.error();
        }
        if (owner instanceof Map<?, ?> m) {
            if (m.containsKey(key)) {
                return m.get(key);
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (Py.isNumber(key) && Py.eq(e.getKey(), key)) {
                    return e.getValue();
                }
            }
        } else if ((owner instanceof List || owner instanceof String) && Py.isInteger(key)) {
            return index(owner, Py.toLong(key));
        }
        if (key instanceof String name) {
            Object method = method(owner, name);
            if (method != null) {
                return method;
            }
            if (!(owner instanceof Map)) {
                return attribute(owner, name);
            }
        }
        return Undefined.missing(owner, key);
    }

    private static Object index(Object owner, long i) {
        int length = Py.len(owner);
        long at = i < 0 ? i + length : i;
        if (at < 0 || at >= length) {
            return Undefined.missing(owner, i);
        }
        if (owner instanceof String s) {
            int offset = s.offsetByCodePoints(0, (int) at);
            return new String(Character.toChars(s.codePointAt(offset)));
        }
        return ((List<?>) owner).get((int) at);
    }

    /**
     * Python's {@code seq[start:stop:step]} on a list, tuple or string; None means the default bound. Unlike a
     * subscript, a slice of anything else is an error: jinja2 compiles slices to plain Python subscripts.
     */
    static Object slice(Object owner, Object start, Object stop, Object step) {
        if (owner instanceof Undefined u) {
            throw u.error();
        }
        if (!(owner instanceof List || owner instanceof String)) {
            throw new TemplateException("'" + Py.typeName(owner) + "' object is not subscriptable");
        }
        int length = Py.len(owner);
        long by = step == null ? 1 : bound(step);
        if (by == 0) {
            throw new TemplateException("slice step cannot be zero");
        }
        long lower = by > 0 ? 0 : -1;
        long upper = by > 0 ? length : length - 1;
        long from = start == null ? (by > 0 ? lower : upper) : clamp(bound(start), length, lower, upper);
        long to = stop == null ? (by > 0 ? upper : lower) : clamp(bound(stop), length, lower, upper);
        List<Integer> picked = new ArrayList<>();
        for (long i = from; by > 0 ? i < to : i > to; i += by) {
            picked.add((int) i);
        }
        if (owner instanceof String s) {
            int[] cps = s.codePoints().toArray();
            StringBuilder out = new StringBuilder();
            picked.forEach(i -> out.appendCodePoint(cps[i]));
            return out.toString();
        }
        List<?> list = (List<?>) owner;
        List<Object> out = new ArrayList<>(picked.size());
        picked.forEach(i -> out.add(list.get(i)));
        return owner instanceof PyTuple ? new PyTuple(out) : out;
    }

    private static long bound(Object v) {
        if (!Py.isInteger(v)) {
            throw new TemplateException("slice indices must be integers or None");
        }
        return Py.toLong(v);
    }

    private static long clamp(long i, int length, long lower, long upper) {
        long at = i < 0 ? i + length : i;
        return Math.max(lower, Math.min(upper, at));
    }

    /** The bound Python method {@code name} of {@code owner}, an unsafe marker for a mutating one, or null. */
    private static Object method(Object owner, String name) {
        MethodTable table = owner instanceof String ? StringMethods.TABLE
                : owner instanceof PyTuple ? CollectionMethods.TUPLE
                : owner instanceof List ? CollectionMethods.LIST
                : owner instanceof Map ? CollectionMethods.DICT : null;
        if (table == null) {
            return null;
        }
        if (table.unsafe().contains(name)) {
            return Undefined.unsafe(owner, name);
        }
        MethodTable.Method m = table.methods().get(name);
        return m == null ? null : new BoundMethod(owner, name, m);
    }
}
