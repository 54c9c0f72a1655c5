package dev.lantern.app.errors;

import dev.lantern.engine.EngineException;
import dev.lantern.engine.OverloadedException;
import dev.lantern.engine.ShutDownException;
import dev.lantern.engine.TokenLimitExceededException;
import dev.lantern.engine.template.TemplateException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import java.util.concurrent.ExecutionException;

/**
 * Translation of the services' typed exceptions in one place. Anything it does not know passes through
 * unchanged, to end as {@code INTERNAL_ERROR} in {@link ThrowableMapper}.
 */
@TranslateErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ErrorTranslationInterceptor {

    private static final int MAX_TEMPLATE_MESSAGE = 500;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (LanternException e) {
            throw e;
        } catch (Exception e) {
            LanternException translated = translate(e);
            if (translated == null) {
                throw e;
            }
            throw translated;
        }
    }

    /** The catalogue error for a typed exception, or null when it is not one this layer knows. */
    public static LanternException translate(Throwable e) {
        if (databaseUnavailable(e)) {
            return new LanternException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The database cannot be reached right now: retry shortly.").withHeader("Retry-After", 5);
        }
        if (databaseRefusedValue(e)) {
            return new LanternException(ErrorCode.VALIDATION_ERROR, "A value of the request cannot be stored: the "
                    + "database refused one of its characters (such as NUL) or its length.");
        }
        if (tooDeeplyNested(e)) {
            return new LanternException(ErrorCode.VALIDATION_ERROR, "The request body nests JSON arrays or objects "
                    + "deeper than the parser allows (1,000 levels).");
        }
        Throwable cause = unwrap(e);
        if (cause instanceof LanternException lantern) {
            return lantern;
        }
        if (cause instanceof TokenLimitExceededException limit) {
            return new LanternException(ErrorCode.TOKEN_LIMIT_EXCEEDED, "The prompt is " + limit.promptTokens()
                    + " tokens; the model's context holds " + limit.limit() + ".").withParam("messages");
        }
        if (cause instanceof OverloadedException) {
            return new LanternException(ErrorCode.OVERLOADED).withHeader("Retry-After", 1);
        }
        if (cause instanceof BulkheadException) {
            return new LanternException(ErrorCode.OVERLOADED).withHeader("Retry-After", 1);
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return new LanternException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The model failed repeatedly and is paused: retry later.").withHeader("Retry-After", 10);
        }
        if (cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new LanternException(ErrorCode.TIMEOUT);
        }
        if (cause instanceof OptimisticLockException) {
            return new LanternException(ErrorCode.CONFLICT, "The resource was changed concurrently: retry.");
        }
        if (cause instanceof QueryTimeoutException) {
            return new LanternException(ErrorCode.SERVICE_UNAVAILABLE).withHeader("Retry-After", 1);
        }
        if (cause instanceof TemplateException template) {
            return new LanternException(ErrorCode.TEMPLATE_ERROR, (template.raisedByTemplate()
                    ? "The chat template refused the conversation: " : "The chat template failed: ")
                    + shown(template.getMessage()));
        }
        if (cause instanceof ShutDownException) {
            return new LanternException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The server is shutting down: retry shortly.").withHeader("Retry-After", 5);
        }
        if (cause instanceof EngineException) {
            return new LanternException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), cause);
        }
        return null;
    }

    /**
     * A template's message as a caller may see it: a template's author (or the caller, with a trusted template of
     * its own) wrote it, so it is cut to a bounded length and control characters other than newlines are blanked.
     */
    private static String shown(String message) {
        String printable = CONTROL.matcher(String.valueOf(message)).replaceAll(" ");
        if (printable.length() <= MAX_TEMPLATE_MESSAGE) {
            return printable;
        }
        int end = Character.isHighSurrogate(printable.charAt(MAX_TEMPLATE_MESSAGE - 1)) ? MAX_TEMPLATE_MESSAGE - 1
                : MAX_TEMPLATE_MESSAGE;
        return printable.substring(0, end) + "…";
    }

    /**
     * Whether the failure is the database being out of reach (stopped, restarting, no connection to be had): a
     * condition of the service, answered 503 like an overloaded model, not a defect of the server. Recognised in
     * the whole cause chain by JDBC's own connection-class exceptions and SQL states (08: connection exception,
     * 57P: operator intervention such as a shutdown, 53300: too many connections), whichever layer (Hibernate,
     * JTA, the connection pool) wrapped them.
     */
    public static boolean databaseUnavailable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 22, "data exception" (a NUL character in a text, a string too long, a number out of range):
     * raised by a value the caller sent that validation let through; PostgreSQL refuses NUL in any text, which an
     * API key's name carried as far as the insert (found by the fuzzer as a 500).
     */
    private static boolean databaseRefusedValue(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null
                    && sql.getNextException().getSQLState() != null
                    && sql.getNextException().getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parsson's refusal of a body nested past its limit, a plain {@link RuntimeException} (not a JsonException)
     * that JSON-B lets through unwrapped: the caller's mistake, found by a fuzzer as a 500.
     */
    private static boolean tooDeeplyNested(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            StackTraceElement[] frames = t.getStackTrace();
            if (t.getMessage() != null && t.getMessage().startsWith("Input is too deeply nested") && frames.length > 0
                    && frames[0].getClassName().startsWith("org.eclipse.parsson.")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof jakarta.ejb.EJBException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
