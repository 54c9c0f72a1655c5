package dev.lantern.app.errors;

import jakarta.json.bind.JsonbException;

/**
 * A request value of the wrong JSON type ({@code dev.lantern.app.platform.StrictJsonTypes}); its message
 * ("expected a number, found a string") is written for callers and repeated in the 400.
 */
public final class WrongJsonType extends JsonbException {
    private static final long serialVersionUID = 1L;

    public WrongJsonType(String message) {
        super(message);
    }
}
