package dev.lantern.engine.template;

import java.util.List;
import java.util.Map;

/** The arguments of a call, positional and by keyword, read Python-style by position or name. */
record Args(List<Object> positional, Map<String, Object> keywords) {
    static final Args NONE = new Args(List.of(), Map.of());

    static Args of(Object... positional) {
        return new Args(java.util.Arrays.asList(positional), Map.of());
    }

    /** The argument at {@code index} or named {@code name}, else {@code fallback}. */
    Object get(int index, String name, Object fallback) {
        if (index >= 0 && index < positional.size()) {
            return positional.get(index);
        }
        return keywords.containsKey(name) ? keywords.get(name) : fallback;
    }

    boolean has(int index, String name) {
        return index >= 0 && index < positional.size() || keywords.containsKey(name);
    }

    int size() {
        return positional.size() + keywords.size();
    }

    /** Rejects more positional arguments than {@code max}, as Python does for a too-long call. */
    Args atMost(int max, String function) {
        if (positional.size() > max) {
            throw new TemplateException(function + "() takes at most " + max + " positional argument(s) ("
                    + positional.size() + " given)");
        }
        return this;
    }

    /** Everything after the first {@code skip} positional arguments. */
    Args drop(int skip) {
        return new Args(positional.subList(Math.min(skip, positional.size()), positional.size()), keywords);
    }
}
