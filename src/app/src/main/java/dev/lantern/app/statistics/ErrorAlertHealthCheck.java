package dev.lantern.app.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the internal-error alert. It stays UP (a burst of errors is no reason to take the server out of
 * the load balancer) but its data says {@code degraded} while the alert fires.
 */
@Readiness
@ApplicationScoped
public class ErrorAlertHealthCheck implements HealthCheck {

    @Inject
    ErrorAlertMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        ErrorAlertMonitor.Status status = monitor.status();
        return HealthCheckResponse.named("error-alerts").up()
                .withData("state", status.firing() ? "degraded" : "ok")
                .withData("internalErrors", status.count())
                .withData("threshold", status.threshold())
                .withData("window", status.window().toString()).build();
    }
}
