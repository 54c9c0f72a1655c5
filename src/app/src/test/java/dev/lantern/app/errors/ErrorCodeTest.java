package dev.lantern.app.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue answers with the statuses of the API contract's "Errors" table. */
class ErrorCodeTest {

    private static final Map<String, Integer> CONTRACT = Map.ofEntries(
            Map.entry("VALIDATION_ERROR", 400), Map.entry("TEMPLATE_ERROR", 400), Map.entry("TOKEN_LIMIT_EXCEEDED", 400),
            Map.entry("DOCUMENT_PROCESSING_ERROR", 400), Map.entry("UNAUTHORIZED", 401),
            Map.entry("INVALID_CREDENTIALS", 401), Map.entry("FORBIDDEN", 403), Map.entry("NOT_FOUND", 404),
            Map.entry("MODEL_NOT_FOUND", 404), Map.entry("DOCUMENT_TOO_LARGE", 413),
            Map.entry("UNSUPPORTED_FILE_TYPE", 415), Map.entry("RATE_LIMITED", 429),
            Map.entry("INTERNAL_ERROR", 500), Map.entry("MODEL_NOT_READY", 503), Map.entry("OVERLOADED", 503),
            Map.entry("TIMEOUT", 504));

    @Test
    void everyContractCodeHasItsStatus() {
        CONTRACT.forEach((code, status) -> assertEquals(status, ErrorCode.valueOf(code).status(), code));
    }

    @Test
    void jaxRsStatusesMapToCatalogueCodes() {
        assertEquals(ErrorCode.NOT_FOUND, WebApplicationExceptionMapper.codeFor(404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, WebApplicationExceptionMapper.codeFor(405));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, WebApplicationExceptionMapper.codeFor(415));
        assertEquals(ErrorCode.VALIDATION_ERROR, WebApplicationExceptionMapper.codeFor(422));
        assertEquals(ErrorCode.INTERNAL_ERROR, WebApplicationExceptionMapper.codeFor(502));
    }

    @Test
    void exceptionCarriesParamAndHeadersWithoutLosingItsCode() {
        LanternException e = new LanternException(ErrorCode.OVERLOADED).withParam("model").withHeader("Retry-After", 3);
        assertEquals(ErrorCode.OVERLOADED, e.code());
        assertEquals("model", e.param());
        assertEquals("3", e.headers().get("Retry-After"));
        assertEquals(ErrorCode.OVERLOADED.defaultMessage(), e.getMessage());
    }
}
