package dev.lantern.app.errors;

/**
 * Fired (synchronously, as a CDI event) for every error answered, streams' final error events included, so
 * that whoever counts errors (the error statistics, the alert) does so without this package knowing them.
 *
 * @param endpoint the route template, e.g. {@code POST /v1/documents/{id}} (see {@link EndpointName})
 */
public record ErrorAnswered(ErrorCode code, String endpoint) {
}
