package dev.lantern.engine.constraint;

/**
 * A schema (or regular expression, or tool definition) the constraint engine cannot enforce exactly. Never
 * ignored: the application answers 400 naming {@link #path()}, the keyword's location inside the schema in dotted
 * form ({@code properties.age.multipleOf}, {@code items.anyOf[1].pattern}; empty for the schema as a whole).
 */
public final class UnsupportedSchemaException extends RuntimeException {
    private final String path;
    private final String reason;

    public UnsupportedSchemaException(String path, String reason) {
        super((path.isEmpty() ? "schema" : path) + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** The same problem seen from an enclosing document: {@code prefix.path}. */
    public UnsupportedSchemaException under(String prefix) {
        return new UnsupportedSchemaException(path.isEmpty() ? prefix
                : path.startsWith("[") ? prefix + path : prefix + "." + path, reason);
    }
}
