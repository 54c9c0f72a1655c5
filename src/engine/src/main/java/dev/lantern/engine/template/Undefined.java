package dev.lantern.engine.template;

/**
 * jinja2's default {@code Undefined}: a missing variable, key or attribute. It renders as nothing, is falsy,
 * iterates as empty and has length 0; using it as an object (an attribute, an item, a call, arithmetic)
 * fails with the hint of what was missing, as jinja2 does.
 */
final class Undefined {
    private final String hint;

    private Undefined(String hint) {
        this.hint = hint;
    }

    static Undefined named(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** A key or attribute {@code name} missing on {@code owner}, with jinja2's wording. */
    static Undefined missing(Object owner, Object name) {
        if (owner == null) {
            return new Undefined("'None' has no attribute " + PyStr.repr(name));
        }
        String what = name instanceof String ? "attribute " + PyStr.repr(name) : "element " + PyStr.repr(name);
        return new Undefined("'" + Py.typeName(owner) + " object' has no " + what);
    }

    /** An attribute the immutable sandbox refuses (a mutating method such as {@code list.append}). */
    static Undefined unsafe(Object owner, String name) {
        return new Undefined("access to attribute '" + name + "' of '" + Py.typeName(owner) + "' object is unsafe.");
    }

    static Undefined withHint(String hint) {
        return new Undefined(hint);
    }

    TemplateException error() {
        return new TemplateException(hint);
    }

    @Override
    public String toString() {
        return "";
    }
}
