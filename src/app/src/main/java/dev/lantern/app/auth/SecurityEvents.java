package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Suspicious activity, logged on the {@code dev.lantern.security} logger (WARNING, one line, never a password,
 * token or key) and counted in {@code lantern_security_events_total{type}}. An account is named only when it
 * exists (a mistyped password in the email field must not reach the log).
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger("dev.lantern.security");

    /** The kinds of event, as they appear in the log and the metric's {@code type} tag. */
    public enum Type {
        LOGIN_FAILED, LOCKED_OUT, REFRESH_TOKEN_REUSED, INVALID_TOKEN, INVALID_API_KEY, DISABLED_ACCOUNT
    }

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    public void record(Type type, String account, String address) {
        metrics.counter("lantern.security.events", new Tag("type", type.name().toLowerCase())).inc();
        LOG.warning(() -> "SECURITY " + type.name().toLowerCase() + " account=" + safe(account)
                + " address=" + safe(address));
    }

    private static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return value.length() > 100 ? value.substring(0, 100) : value.replaceAll("[^\\w.@:+-]", "_");
    }
}
