package dev.lantern.app.generation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * How the current request uses the response cache: its scope (whose answers it may share; until the
 * generation endpoints are authenticated every caller shares one), and the caller's {@code Cache-Control}:
 * {@code no-cache} skips the lookup (a fresh answer, which is then stored), {@code no-store} skips both.
 */
@RequestScoped
public class CacheMode {

    static final String SHARED = "shared";

    @Inject
    HttpServletRequest request;

    public String scope() {
        return SHARED;
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
