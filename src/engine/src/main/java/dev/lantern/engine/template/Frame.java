package dev.lantern.engine.template;

/** Where a statement renders: its scope, the render's bounds, and the buffer its text goes to. */
final class Frame {
    final Scope scope;
    final RenderState state;
    private final StringBuilder out;

    Frame(Scope scope, RenderState state, StringBuilder out) {
        this.scope = scope;
        this.state = state;
        this.out = out;
    }

    /** A nested scope writing to the same buffer (one loop iteration, a with block). */
    Frame child() {
        return new Frame(new Scope(scope), state, out);
    }

    /** The same scope writing to a fresh buffer, for a set block or a filter block. */
    Frame capture() {
        return new Frame(scope, state, new StringBuilder());
    }

    void write(String text) {
        state.charge(text.length());
        out.append(text);
    }

    String text() {
        return out.toString();
    }

    Object lookup(String name) {
        return scope.lookup(name);
    }

    void set(String name, Object value) {
        scope.set(name, value);
    }
}
