package dev.lantern.app.errors;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web module (web.xml): errors that the container raises before JAX-RS runs, chiefly
 * MicroProfile JWT's 401 for a missing, expired or forged token, get the catalogue's body and request id.
 */
@WebServlet(urlPatterns = "/_container-error")
public class ContainerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ErrorResponses responses;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ErrorCode errorCode = WebApplicationExceptionMapper.codeFor(code);
        // A failure thrown in a filter (the database out of reach while a token's key is looked up) is translated
        // as JAX-RS would translate it: a 503, not an internal error (found by the reliability suite's faults).
        LanternException translated = thrown instanceof Throwable t && code >= 500
                ? ErrorTranslationInterceptor.translate(t) : null;
        LanternException error = translated != null ? translated : new LanternException(errorCode,
                errorCode.defaultMessage(), thrown instanceof Throwable t ? t : null);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        responses.write(request, response, error, EndpointName.of(request.getMethod(),
                code == 404 || uri == null ? EndpointName.UNMATCHED : "container"));
    }
}
