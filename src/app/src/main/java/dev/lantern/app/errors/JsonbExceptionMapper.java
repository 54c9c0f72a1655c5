package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON-B failures. Liberty's JSON-B reader lets them through unwrapped: one raised while reading a request body
 * (malformed JSON, a wrong type) is the caller's mistake, 400 {@code VALIDATION_ERROR} with {@code param} the
 * JSON path of the property JSON-B names ("messages.role"); one raised while writing a response is ours: 500.
 */
@Provider
@ApplicationScoped
public class JsonbExceptionMapper extends CatalogueExceptionMapper<JsonbException> {

    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z_][A-Za-z0-9_]{0,63})'");

    @Override
    public Response toResponse(JsonbException e) {
        LanternException tooLarge = RequestBodyTooLarge.among(e);
        if (tooLarge != null) {
            return answer(tooLarge);
        }
        if (!whileReading(e)) {
            return answer(new LanternException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), e));
        }
        String param = param(e);
        String expected = expectation(e);
        LanternException error = new LanternException(ErrorCode.VALIDATION_ERROR, param == null
                ? "The request body is not valid JSON of the expected shape."
                : param + ": " + (expected == null ? "not a valid value of the expected type" : expected) + ".");
        return answer(param == null ? error : error.withParam(param));
    }

    static boolean whileReading(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if ("readFrom".equals(frame.getMethodName())) {
                return true;
            }
            if ("writeTo".equals(frame.getMethodName())) {
                return false;
            }
        }
        return false;
    }

    /** What the value should have been ({@link WrongJsonType}: "expected a number, found a string"), or null. */
    private static String expectation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WrongJsonType) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** The dotted path of the properties named along the cause chain, or null when none is named. */
    static String param(Throwable e) {
        List<String> path = new ArrayList<>();
        for (Throwable t = e; t != null && path.size() < 8; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = PROPERTY.matcher(t.getMessage());
                while (m.find()) {
                    if (path.isEmpty() || !path.get(path.size() - 1).equals(m.group(1))) {
                        path.add(m.group(1));
                    }
                }
            }
        }
        return path.isEmpty() ? null : String.join(".", path);
    }
}
