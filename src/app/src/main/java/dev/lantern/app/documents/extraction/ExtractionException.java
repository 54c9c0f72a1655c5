package dev.lantern.app.documents.extraction;

/**
 * Why a document was refused, in words fit for its uploader. The resource layer maps each {@link Reason}
 * to the catalogue: {@code UNSUPPORTED_FILE_TYPE} 415, {@code DOCUMENT_TOO_LARGE} 413,
 * {@code DOCUMENT_PROCESSING_ERROR} 400.
 */
public class ExtractionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The three ways a document is refused. */
    public enum Reason { UNSUPPORTED, TOO_LARGE, UNREADABLE }

    private final Reason reason;

    public ExtractionException(Reason reason, String publicMessage) {
        super(publicMessage);
        this.reason = reason;
    }

    public ExtractionException(Reason reason, String publicMessage, Throwable cause) {
        super(publicMessage, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
