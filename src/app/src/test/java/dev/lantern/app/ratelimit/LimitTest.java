package dev.lantern.app.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void parsesTheNamedUnitsSecondsAndIsoDurations() {
        assertEquals(List.of(new Limit(50, Duration.ofHours(1)), new Limit(200, Duration.ofDays(1))),
                Limit.parseAll("50/hour, 200/day"));
        assertEquals(new Limit(10, Duration.ofMinutes(1)), Limit.parse("10/minute"));
        assertEquals(new Limit(5, Duration.ofSeconds(30)), Limit.parse("5/30s"));
        assertEquals(new Limit(100, Duration.ofMinutes(10)), Limit.parse("100/PT10M"));
        assertEquals(new Limit(10_000, Duration.ofMinutes(1)), Limit.parse("10_000/minute"));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("10"));
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("0/minute"));
        assertThrows(RuntimeException.class, () -> Limit.parse("ten/minute"));
    }

    @Test
    void headersFollowTheIetfDraft() {
        Quota quota = new Quota("anonymous", Limit.parseAll("50/hour,200/day"));
        assertEquals("\"anonymous\";q=50;w=3600, \"anonymous-86400\";q=200;w=86400", quota.policyHeader());
        Decision decision = new Decision(new Quota("generation", Limit.parseAll("10/minute")), true, 3, 42);
        assertEquals("\"generation\";r=3;t=42", decision.rateLimitHeader());
        assertEquals("\"generation\";q=10;w=60", decision.policyHeader());
    }
}
