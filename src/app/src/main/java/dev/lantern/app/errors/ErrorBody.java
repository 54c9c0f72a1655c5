package dev.lantern.app.errors;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error body of every endpoint and of a stream's final event:
 * {@code {"error": {"code", "message", "type", "param", "request_id"}}}.
 */
@Schema(name = "Error", description = "Every error response, and the final event of a failed stream.")
public record ErrorBody(Detail error) {

    public static ErrorBody of(ErrorCode code, String message, String param, String requestId) {
        return new ErrorBody(new Detail(code.name(), message, code.type(), param, requestId));
    }

    public static ErrorBody of(LanternException e, String requestId) {
        return of(e.code(), e.getMessage(), e.param(), requestId);
    }

    /** {@code param} is written as null when no field is at fault, as OpenAI's clients expect. */
    @JsonbNillable
    @JsonbPropertyOrder({"code", "message", "type", "param", "request_id"})
    public record Detail(String code, String message, String type, String param,
            @JsonbProperty("request_id") String requestId) {
    }
}
