package dev.lantern.app.statistics;

import dev.lantern.app.errors.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tutorial's alert: when internal errors within the window reach the threshold
 * ({@code lantern.alerts.internal-errors.threshold} within {@code lantern.alerts.internal-errors.window}),
 * log at SEVERE once, report "degraded" in the {@code error-alerts} health check, and POST a JSON notice to
 * {@code lantern.alerts.webhook-url} if one is configured. It clears when the window falls below threshold.
 */
@ApplicationScoped
public class ErrorAlertMonitor {

    private static final Logger LOG = Logger.getLogger(ErrorAlertMonitor.class.getName());

    private final int threshold;
    private final Duration window;
    private final Optional<URI> webhook;
    private final Clock clock;
    private final Deque<Instant> internalErrors = new ArrayDeque<>();
    private boolean firing;

    @Inject
    public ErrorAlertMonitor(
            @ConfigProperty(name = "lantern.alerts.internal-errors.threshold") int threshold,
            @ConfigProperty(name = "lantern.alerts.internal-errors.window") Duration window,
            @ConfigProperty(name = "lantern.alerts.webhook-url") Optional<URI> webhook) {
        this(threshold, window, webhook, Clock.systemUTC());
    }

    ErrorAlertMonitor(int threshold, Duration window, Optional<URI> webhook, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.window = window;
        this.webhook = webhook;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ErrorAlertMonitor() {
        this(10, Duration.ofMinutes(5), Optional.empty(), Clock.systemUTC());
    }

    public void onError(ErrorCode code) {
        if (code != ErrorCode.INTERNAL_ERROR) {
            return;
        }
        int count;
        boolean fire;
        synchronized (this) {
            Instant now = clock.instant();
            internalErrors.addLast(now);
            count = prune(now);
            fire = count >= threshold && !firing;
            firing |= fire;
        }
        if (fire) {
            LOG.severe(() -> "ALERT: " + count + " internal errors within " + window
                    + " (threshold " + threshold + "). See the log lines with their request ids.");
            webhook.ifPresent(uri -> notify(uri, count));
        }
    }

    /** Internal errors in the current window, and whether the alert is firing. */
    public synchronized Status status() {
        int count = prune(clock.instant());
        if (count < threshold) {
            firing = false;
        }
        return new Status(firing, count, threshold, window);
    }

    private int prune(Instant now) {
        Instant oldest = now.minus(window);
        while (!internalErrors.isEmpty() && internalErrors.peekFirst().isBefore(oldest)) {
            internalErrors.removeFirst();
        }
        while (internalErrors.size() > threshold * 4) {
            internalErrors.removeFirst();
        }
        return internalErrors.size();
    }

    private void notify(URI uri, int count) {
        String body = jakarta.json.Json.createObjectBuilder()
                .add("alert", "lantern_internal_errors")
                .add("count", count).add("threshold", threshold).add("window", window.toString())
                .add("at", clock.instant().toString()).build().toString();
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                .sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() >= 300) {
                        LOG.log(Level.WARNING, "Alert webhook did not accept the alert: "
                                + (failure != null ? failure.getClass().getSimpleName() : response.statusCode()));
                    }
                });
    }

    public record Status(boolean firing, int count, int threshold, Duration window) {
    }
}
