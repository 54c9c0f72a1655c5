package dev.lantern.app.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the heap is not nearly exhausted (a process that cannot allocate should be restarted). */
@Liveness
@ApplicationScoped
public class LivenessHealthCheck implements HealthCheck {

    private static final double MAX_HEAP_SHARE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(share < MAX_HEAP_SHARE)
                .withData("usedMiB", used >> 20).withData("maxMiB", runtime.maxMemory() >> 20).build();
    }
}
