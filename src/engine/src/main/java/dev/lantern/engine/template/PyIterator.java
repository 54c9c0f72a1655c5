package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * What jinja2's {@code map}, {@code select}, {@code selectattr}, {@code unique}, {@code batch}, {@code items}
 * and {@code reverse} return: a Python generator or iterator, not a list. Templates see the difference: it is
 * always true (even when empty), has no length, can be iterated once, and fails only when consumed.
 */
final class PyIterator {
    private final String kind;
    private final Supplier<Iterator<?>> start;
    private Iterator<?> items;

    PyIterator(String kind, Supplier<Iterator<?>> start) {
        this.kind = kind;
        this.start = start;
    }

    /** Python's type name: {@code generator}, {@code list_reverseiterator}, ... */
    String kind() {
        return kind;
    }

    /** The items not consumed yet; afterwards the iterator is exhausted, as a Python generator is. */
    List<Object> drain() {
        if (items == null) {
            items = start.get();
        }
        List<Object> rest = new ArrayList<>();
        items.forEachRemaining(rest::add);
        return rest;
    }

    @Override
    public String toString() {
        return "<" + kind + " object>";
    }
}
