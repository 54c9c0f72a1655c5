package dev.lantern.app.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorAlertMonitorTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void firesAtTheThresholdWithinTheWindowAndClearsAfterIt() {
        ManualClock clock = new ManualClock();
        ErrorAlertMonitor monitor = new ErrorAlertMonitor(3, Duration.ofMinutes(5), Optional.empty(), clock);
        monitor.onError(ErrorCode.INTERNAL_ERROR);
        monitor.onError(ErrorCode.INTERNAL_ERROR);
        assertFalse(monitor.status().firing(), "below threshold");
        monitor.onError(ErrorCode.INTERNAL_ERROR);
        assertTrue(monitor.status().firing(), "at threshold");
        assertEquals(3, monitor.status().count());

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertFalse(monitor.status().firing(), "the window has passed");
        assertEquals(0, monitor.status().count());
    }

    @Test
    void onlyInternalErrorsCount() {
        ErrorAlertMonitor monitor = new ErrorAlertMonitor(1, Duration.ofMinutes(5), Optional.empty(), new ManualClock());
        monitor.onError(ErrorCode.VALIDATION_ERROR);
        monitor.onError(ErrorCode.RATE_LIMITED);
        assertFalse(monitor.status().firing());
    }

    @Test
    void spreadOutErrorsNeverFire() {
        ManualClock clock = new ManualClock();
        ErrorAlertMonitor monitor = new ErrorAlertMonitor(3, Duration.ofMinutes(5), Optional.empty(), clock);
        for (int i = 0; i < 10; i++) {
            monitor.onError(ErrorCode.INTERNAL_ERROR);
            clock.now = clock.now.plus(Duration.ofMinutes(3));
        }
        assertFalse(monitor.status().firing());
    }
}
