package dev.lantern.engine;

/**
 * The scheduler was shut down (the server is stopping) while the request waited or ran: a condition of the service,
 * not a defect, so that a stream cut short by a SIGTERM ends with an error event the client can act on (retry).
 */
public class ShutDownException extends EngineException {
    public ShutDownException(String message) {
        super(message);
    }
}
