package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** A body that JSON-B cannot read (malformed JSON, a wrong type) is the caller's mistake: 400. */
@Provider
@ApplicationScoped
public class ProcessingExceptionMapper extends CatalogueExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        LanternException tooLarge = RequestBodyTooLarge.among(e);
        if (tooLarge != null) {
            return answer(tooLarge);
        }
        String param = JsonbExceptionMapper.param(e);
        LanternException error = new LanternException(ErrorCode.VALIDATION_ERROR,
                "The request body is not valid JSON of the expected shape" + field(e) + ".");
        return answer(param == null ? error : error.withParam(param));
    }

    /** JSON-B names the failing property in its message; only that name (validated) is repeated. */
    private static String field(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException && t.getMessage() != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("(?:property|field) ([A-Za-z_][A-Za-z0-9_]{0,63})").matcher(t.getMessage());
                if (m.find()) {
                    return " (field " + m.group(1) + ")";
                }
            }
        }
        return "";
    }
}
