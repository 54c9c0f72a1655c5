package dev.lantern.engine;

/** The scheduler's queue is full: the request was refused at once rather than left to wait without bound. */
public class OverloadedException extends EngineException {
    public OverloadedException(String message) {
        super(message);
    }
}
