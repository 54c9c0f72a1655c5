package dev.lantern.engine.template;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions every template sees: jinja2's {@code range} (capped at the sandbox's 100000 items),
 * {@code namespace}, {@code dict}, {@code cycler} and {@code joiner}, and transformers' {@code raise_exception}
 * and {@code strftime_now} (which reads the render's clock, so tests can fix the date).
 */
final class Globals {
    private static final long MAX_RANGE = 100_000;

    private Globals() {
    }

    static void install(Scope scope) {
        scope.set("range", (PyCallable) (a, f) -> range(a));
        scope.set("namespace", (PyCallable) (a, f) -> {
            Namespace ns = new Namespace();
            ns.attributes.putAll(mapping(a, "namespace"));
            return ns;
        });
        scope.set("dict", (PyCallable) (a, f) -> mapping(a, "dict"));
        scope.set("raise_exception", (PyCallable) (a, f) -> {
            throw TemplateException.raised(PyStr.str(a.get(0, "message", "")));
        });
        scope.set("strftime_now", (PyCallable) (a, f) ->
                Strftime.format(LocalDateTime.now(f.state.clock()), PyStr.str(a.get(0, "format", ""))));
        scope.set("cycler", (PyCallable) (a, f) -> new Cycler(a.positional()));
        scope.set("joiner", (PyCallable) (a, f) -> {
            String separator = PyStr.str(a.get(0, "sep", ", "));
            boolean[] used = {false};
            return (PyCallable) (x, g) -> {
                boolean first = !used[0];
                used[0] = true;
                return first ? "" : separator;
            };
        });
    }

    private static List<Object> range(Args a) {
        List<Object> p = a.positional();
        if (p.isEmpty() || p.size() > 3 || !p.stream().allMatch(Py::isInteger)) {
            throw new TemplateException("range() takes one to three integer arguments");
        }
        long start = p.size() == 1 ? 0 : Py.toLong(p.get(0));
        long stop = Py.toLong(p.get(p.size() == 1 ? 0 : 1));
        long step = p.size() == 3 ? Py.toLong(p.get(2)) : 1;
        if (step == 0) {
            throw new TemplateException("range() arg 3 must not be zero");
        }
        long count = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
        if (count > MAX_RANGE) {
            throw new TemplateException("Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
        }
        List<Object> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            out.add(start + i * step);
        }
        return out;
    }

    /** Python's {@code dict(mapping_or_pairs, **kwargs)}. */
    private static Map<Object, Object> mapping(Args a, String function) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (a.positional().size() > 1) {
            throw new TemplateException(function + " expected at most 1 argument, got " + a.positional().size());
        }
        if (a.positional().size() == 1) {
            Object source = a.positional().get(0);
            if (source instanceof Map<?, ?> m) {
                out.putAll(m);
            } else {
                for (Object pair : Py.iterate(source)) {
                    List<Object> kv = Py.iterate(pair);
                    if (kv.size() != 2) {
                        throw new TemplateException("dictionary update sequence element has length " + kv.size()
                                + "; 2 is required");
                    }
                    out.put(kv.get(0), kv.get(1));
                }
            }
        }
        out.putAll(a.keywords());
        return out;
    }

    /** jinja2's cycler: {@code next()} walks the items round, {@code current} is the one {@code next()} gives next. */
    private static final class Cycler implements PyObject {
        private final List<Object> items;
        private int position;

        Cycler(List<Object> items) {
            if (items.isEmpty()) {
                throw new TemplateException("at least one item has to be provided");
            }
            this.items = new ArrayList<>(items);
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "current" -> items.get(position);
                case "items" -> new ArrayList<>(items);
                case "next" -> (PyCallable) (a, f) -> {
                    Object value = items.get(position);
                    position = (position + 1) % items.size();
                    return value;
                };
                case "reset" -> (PyCallable) (a, f) -> {
                    position = 0;
                    return null;
                };
                default -> Undefined.missing(this, name);
            };
        }
    }
}
