package dev.lantern.app.errors;

/**
 * The catalogue of error codes clients may rely on (API contract, "Errors"): HTTP status, the OpenAI-style
 * error {@code type}, and the public message used when the thrower gives none.
 */
public enum ErrorCode {
    VALIDATION_ERROR(400, "invalid_request_error", "The request is not valid."),
    TEMPLATE_ERROR(400, "invalid_request_error", "The chat template refused the conversation."),
    INVALID_SCHEMA(400, "invalid_request_error",
            "The JSON Schema uses a keyword Lantern cannot enforce, or is not a valid schema."),
    TOKEN_LIMIT_EXCEEDED(400, "invalid_request_error", "The prompt does not fit the model's context."),
    DOCUMENT_PROCESSING_ERROR(400, "invalid_request_error", "The document could not be processed."),
    UNAUTHORIZED(401, "authentication_error", "Authentication is required: send a valid bearer token."),
    INVALID_CREDENTIALS(401, "authentication_error", "The email or password is not correct."),
    FORBIDDEN(403, "permission_error", "Your role does not allow this."),
    NOT_FOUND(404, "not_found_error", "Not found."),
    MODEL_NOT_FOUND(404, "not_found_error", "The model does not exist."),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "This method is not allowed here."),
    NOT_ACCEPTABLE(406, "invalid_request_error", "No acceptable representation: ask for application/json."),
    CONFLICT(409, "invalid_request_error", "The request conflicts with the current state."),
    DOCUMENT_TOO_LARGE(413, "invalid_request_error", "The document is over the size or extraction limits."),
    REQUEST_TOO_LARGE(413, "invalid_request_error", "The request body is too large."),
    UNSUPPORTED_FILE_TYPE(415, "invalid_request_error", "This file type is not supported."),
    UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error",
            "Unsupported content type: send application/json (multipart/form-data for document uploads)."),
    RATE_LIMITED(429, "rate_limit_error", "Too many requests."),
    INTERNAL_ERROR(500, "server_error", "An unexpected error occurred. Quote the request id when reporting it."),
    MODEL_NOT_READY(503, "server_error", "The model is still loading or failed to load."),
    OVERLOADED(503, "overloaded_error", "The server is busy: retry later."),
    SERVICE_UNAVAILABLE(503, "server_error", "A service Lantern depends on is unavailable: retry later."),
    TIMEOUT(504, "timeout_error", "Generation exceeded its time limit.");

    private final int status;
    private final String type;
    private final String defaultMessage;

    ErrorCode(int status, String type, String defaultMessage) {
        this.status = status;
        this.type = type;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
