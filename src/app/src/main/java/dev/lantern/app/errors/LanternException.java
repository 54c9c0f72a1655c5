package dev.lantern.app.errors;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with a catalogue code and a message fit for the caller (never an internal detail). Services throw
 * it, or throw their own typed exceptions that {@link ErrorTranslationInterceptor} turns into it.
 * An application exception: EJBs pass it through unwrapped and roll their transaction back.
 */
@ApplicationException(rollback = true)
public class LanternException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String param;
    private final Map<String, String> headers;

    public LanternException(ErrorCode code) {
        this(code, code.defaultMessage(), null, Map.of(), null);
    }

    public LanternException(ErrorCode code, String publicMessage) {
        this(code, publicMessage, null, Map.of(), null);
    }

    public LanternException(ErrorCode code, String publicMessage, Throwable cause) {
        this(code, publicMessage, null, Map.of(), cause);
    }

    private LanternException(ErrorCode code, String publicMessage, String param, Map<String, String> headers,
            Throwable cause) {
        super(publicMessage, cause);
        this.code = code;
        this.param = param;
        this.headers = headers;
    }

    /** 400 {@code VALIDATION_ERROR} naming the request field at fault, e.g. {@code messages[2].content}. */
    public static LanternException invalid(String param, String publicMessage) {
        return new LanternException(ErrorCode.VALIDATION_ERROR, publicMessage).withParam(param);
    }

    /** The same error naming the request field at fault (OpenAI's {@code param}). */
    public LanternException withParam(String field) {
        return new LanternException(code, getMessage(), field, headers, getCause());
    }

    /** The same error with one more response header (e.g. {@code Retry-After}). */
    public LanternException withHeader(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, String.valueOf(value));
        return new LanternException(code, getMessage(), param, Collections.unmodifiableMap(more), getCause());
    }

    public ErrorCode code() {
        return code;
    }

    public String param() {
        return param;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
