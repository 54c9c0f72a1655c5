package dev.lantern.engine.template;

import java.util.HashMap;
import java.util.Map;

/**
 * Variables of one jinja2 scope: the template's top level, one for-loop iteration, one macro call. An
 * assignment stays in its scope (so a {@code set} inside a loop is gone after the iteration, which is why
 * templates use {@code namespace}); a read falls back to the enclosing scopes, then to the globals.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, Object> variables = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.variables.containsKey(name)) {
                return s.variables.get(name);
            }
        }
        return Undefined.named(name);
    }

    void set(String name, Object value) {
        variables.put(name, value);
    }
}
