package dev.lantern.app.generation;

import dev.lantern.app.identity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * How the current request uses the response cache: its scope, the caller's subject (a user never gets
 * another user's answers; {@code ResponseCache.invalidateScope(subject)} drops them all), and the caller's
 * {@code Cache-Control}:
 * {@code no-cache} skips the lookup (a fresh answer, which is then stored), {@code no-store} skips both.
 */
@RequestScoped
public class CacheMode {

    @Inject
    HttpServletRequest request;

    @Inject
    Caller caller;

    /** The caller's subject ("anonymous" cannot occur on these authenticated endpoints, but stays apart). */
    public String scope() {
        return caller.subject() == null ? "anonymous" : caller.subject();
    }

    public boolean read() {
        String control = control();
        return !control.contains("no-cache") && !control.contains("no-store");
    }

    public boolean write() {
        return !control().contains("no-store");
    }

    private String control() {
        String header = request.getHeader("Cache-Control");
        return header == null ? "" : header.toLowerCase(Locale.ROOT);
    }
}
