package dev.lantern.app.statistics;

import dev.lantern.app.errors.ErrorAnswered;
import dev.lantern.app.errors.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Counts every error answered: at once in the metric {@code lantern_errors_total{code,endpoint}} and the
 * alert monitor, and in the database every two seconds (and at shutdown), hour by hour. Batching keeps a
 * burst of rejected requests from becoming a burst of database writes; a failure to persist is logged and
 * the counts are kept for the next flush, so recording never hides or replaces the real error.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ErrorRecorder {

    private static final Logger LOG = Logger.getLogger(ErrorRecorder.class.getName());

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    @Inject
    ErrorStatisticsRepository repository;

    @Inject
    ErrorAlertMonitor alerts;

    public void onErrorAnswered(@Observes ErrorAnswered answered) {
        record(answered.code(), answered.endpoint());
    }

    private void record(ErrorCode code, String endpoint) {
        try {
            metrics.counter("lantern.errors", new Tag("code", code.name()), new Tag("endpoint", endpoint)).inc();
            alerts.onError(code);
            OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
            String name = endpoint.length() > 200 ? endpoint.substring(0, 200) : endpoint;
            pending.computeIfAbsent(new Key(code.name(), name, hour), k -> new LongAdder()).increment();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record error " + code + " on " + endpoint, e);
        }
    }

    /** Writes the counts gathered since the last flush. */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void flush() {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            long count = adder == null ? 0 : adder.sumThenReset();
            if (count > 0 && !persist(key, count)) {
                pending.computeIfAbsent(key, k -> new LongAdder()).add(count);
            }
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    private boolean persist(Key key, long count) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                repository.add(key.code(), key.endpoint(), key.hour(), count);
                return true;
            } catch (RuntimeException e) {
                if (attempt == 1) {
                    LOG.log(Level.WARNING, "Could not persist error statistics for " + key + "; kept for later", e);
                }
            }
        }
        return false;
    }

    private record Key(String code, String endpoint, OffsetDateTime hour) {
    }
}
