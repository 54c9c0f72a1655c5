package dev.lantern.engine.template;

import java.util.List;

/** jinja2's {@code loop} variable for one iteration: position, neighbours, {@code cycle} and {@code changed}. */
final class LoopContext implements PyObject {
    private final List<Object> items;
    private final int index;
    private final Object[] lastChanged;

    LoopContext(List<Object> items) {
        this(items, 0, new Object[] {LoopContext.class});
    }

    private LoopContext(List<Object> items, int index, Object[] lastChanged) {
        this.items = items;
        this.index = index;
        this.lastChanged = lastChanged;
    }

    LoopContext at(int i) {
        return new LoopContext(items, i, lastChanged);
    }

    @Override
    public Object attribute(String name) {
        int length = items.size();
        return switch (name) {
            case "index" -> (long) index + 1;
            case "index0" -> (long) index;
            case "revindex" -> (long) (length - index);
            case "revindex0" -> (long) (length - index - 1);
            case "first" -> index == 0;
            case "last" -> index == length - 1;
            case "length" -> (long) length;
            case "depth" -> 1L;
            case "depth0" -> 0L;
            case "previtem" -> index > 0 ? items.get(index - 1) : Undefined.withHint("there is no previous item");
            case "nextitem" -> index < length - 1 ? items.get(index + 1) : Undefined.withHint("there is no next item");
            case "cycle" -> (PyCallable) (args, f) -> {
                if (args.positional().isEmpty()) {
                    throw new TemplateException("no items for cycling given");
                }
                return args.positional().get(index % args.positional().size());
            };
            case "changed" -> (PyCallable) (args, f) -> {
                Object value = new PyTuple(args.positional());
                boolean changed = lastChanged[0] == LoopContext.class || !Py.eq(lastChanged[0], value);
                lastChanged[0] = value;
                return changed;
            };
            default -> Undefined.missing(this, name);
        };
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index + 1) + "/" + items.size() + ">";
    }
}
