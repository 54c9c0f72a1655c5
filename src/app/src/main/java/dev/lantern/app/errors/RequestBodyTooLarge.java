package dev.lantern.app.errors;

import java.io.IOException;

/**
 * Thrown by a request body's stream once it passes its limit ({@code dev.lantern.app.platform.JsonBodyLimit}),
 * from inside whatever reads it; the exception mappers find it among the causes and answer 413
 * {@code REQUEST_TOO_LARGE}.
 */
public final class RequestBodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public RequestBodyTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The 413 of a body over {@code limit} bytes. */
    public static LanternException answer(long limit) {
        return new LanternException(ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than the limit of "
                + limit + " bytes.");
    }

    /** The 413 of a body over its limit, if {@code e} or one of its causes is one; else null. */
    static LanternException among(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLarge large) {
                return answer(large.limit);
            }
        }
        return null;
    }
}
