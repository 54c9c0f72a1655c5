package dev.lantern.app.errors;

import dev.lantern.engine.EngineException;
import dev.lantern.engine.OverloadedException;
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

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof jakarta.ejb.EJBException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
