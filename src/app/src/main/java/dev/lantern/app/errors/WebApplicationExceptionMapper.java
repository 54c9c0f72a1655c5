package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type, unacceptable
 * type, bad request, …) in the catalogue's words. The exception's message is never shown: it may hold
 * internals.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper extends CatalogueExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        LanternException translated = ErrorTranslationInterceptor.translate(e.getCause() == null ? e : e.getCause());
        if (translated != null) {
            return answer(translated);
        }
        Response original = e.getResponse();
        LanternException answer = new LanternException(codeFor(original.getStatus()));
        if (original.getStatus() == 405 && original.getHeaderString("Allow") != null) {
            answer = answer.withHeader("Allow", original.getHeaderString("Allow"));
        }
        return answer(answer);
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.VALIDATION_ERROR;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            case 504 -> ErrorCode.TIMEOUT;
            default -> status >= 400 && status < 500 ? ErrorCode.VALIDATION_ERROR : ErrorCode.INTERNAL_ERROR;
        };
    }
}
