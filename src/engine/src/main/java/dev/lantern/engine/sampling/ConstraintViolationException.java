package dev.lantern.engine.sampling;

/**
 * A constrained row cannot go on: no token continues its document, or a token was picked that does not. A correct
 * grammar never gets here (every live state can complete); the row then ends with finish reason {@code error}.
 */
public final class ConstraintViolationException extends RuntimeException {
    public ConstraintViolationException(String message) {
        super(message);
    }
}
