package dev.lantern.engine.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** jinja2's {@code namespace(...)}: the one object a template may change, through {@code set ns.attr = ...}. */
final class Namespace {
    final Map<Object, Object> attributes = new LinkedHashMap<>();

    @Override
    public String toString() {
        return "<Namespace " + PyStr.repr(attributes) + ">";
    }
}
