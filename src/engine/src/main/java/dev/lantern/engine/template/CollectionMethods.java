package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's dict, list and tuple methods as templates see them in transformers' immutable sandbox: the
 * readers ({@code get}, {@code items}, {@code keys}, {@code values}, {@code index}, {@code count}) work, the
 * mutators ({@code append}, {@code pop}, {@code update}, ...) are refused.
 */
final class CollectionMethods {
    static final MethodTable DICT = new MethodTable(dict(), Set.of("clear", "pop", "popitem", "setdefault", "update"));
    static final MethodTable LIST = new MethodTable(sequence(true),
            Set.of("append", "clear", "extend", "insert", "pop", "remove", "reverse", "sort"));
    static final MethodTable TUPLE = new MethodTable(sequence(false), Set.of());

    private CollectionMethods() {
    }

    private static Map<String, MethodTable.Method> dict() {
        Map<String, MethodTable.Method> m = new HashMap<>();
        m.put("get", (self, a) -> {
            Map<?, ?> d = (Map<?, ?>) self;
            Object key = a.get(0, "key", null);
            Object found = d.containsKey(key) ? d.get(key) : Undefined.class;
            return found == Undefined.class ? a.get(1, "default", null) : found;
        });
        m.put("items", (self, a) -> items((Map<?, ?>) self));
        m.put("keys", (self, a) -> new ArrayList<>(((Map<?, ?>) self).keySet()));
        m.put("values", (self, a) -> new ArrayList<>(((Map<?, ?>) self).values()));
        m.put("copy", (self, a) -> new LinkedHashMap<>((Map<?, ?>) self));
        return m;
    }

    static List<Object> items(Map<?, ?> map) {
        List<Object> pairs = new ArrayList<>(map.size());
        map.forEach((k, v) -> pairs.add(PyTuple.of(k, v)));
        return pairs;
    }

    private static Map<String, MethodTable.Method> sequence(boolean list) {
        Map<String, MethodTable.Method> m = new HashMap<>();
        m.put("count", (self, a) -> ((List<?>) self).stream().filter(x -> Py.eq(x, a.get(0, "value", null))).count());
        m.put("index", (self, a) -> {
            List<?> items = (List<?>) self;
            for (int i = 0; i < items.size(); i++) {
                if (Py.eq(items.get(i), a.get(0, "value", null))) {
                    return (long) i;
                }
            }
            throw new TemplateException(PyStr.repr(a.get(0, "value", null)) + " is not in " + (list ? "list" : "tuple"));
        });
        if (list) {
            m.put("copy", (self, a) -> new ArrayList<Object>((List<?>) self));
        }
        return m;
    }
}
