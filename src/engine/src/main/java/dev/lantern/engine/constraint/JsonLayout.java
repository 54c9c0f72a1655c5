package dev.lantern.engine.constraint;

/**
 * Where a constrained JSON document has whitespace. Neither layout allows optional whitespace: a choice of spaces
 * at every position is what lets weak models loop on blanks, and one spelling per document keeps masks small.
 */
public enum JsonLayout {
    /** No whitespace at all: {@code {"a":1,"b":[2,3]}}, as most servers constrain. */
    COMPACT(":", ","),
    /** One space after {@code :} and {@code ,}, as Python's json.dumps and the chat templates that use it. */
    SPACED(": ", ", ");

    final String colon;
    final String comma;

    JsonLayout(String colon, String comma) {
        this.colon = colon;
        this.comma = comma;
    }
}
