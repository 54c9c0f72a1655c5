package dev.lantern.engine;

/** Base of the engine's typed failures; the container maps each subtype to its own error code. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
