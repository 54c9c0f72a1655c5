package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The last resort: a known typed exception gets its code, anything else is {@code INTERNAL_ERROR}, logged
 * with its stack and the request id, and answered without a word of its own message.
 */
@Provider
@ApplicationScoped
public class ThrowableMapper extends CatalogueExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        LanternException translated = ErrorTranslationInterceptor.translate(e);
        return answer(translated != null ? translated
                : new LanternException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), e));
    }
}
