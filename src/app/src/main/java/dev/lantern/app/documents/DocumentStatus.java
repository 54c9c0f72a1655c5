package dev.lantern.app.documents;

import java.util.Locale;

/** Where a document is in its life: being extracted and embedded, searchable, or given up on. */
public enum DocumentStatus {
    PROCESSING, READY, FAILED;

    /** The lower-case name used in the database and in the API ({@code processing|ready|failed}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
