package dev.lantern.engine.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopStringMatcherTest {
    @Test
    void stopSplitAcrossTokensIsCutAndNeverStreamed() {
        StopStringMatcher m = new StopStringMatcher(List.of("END"));
        assertEquals("Hello ", m.push("Hello E"));  // "E" may start END: held back
        assertEquals("", m.push("N"));            // "EN" still may
        assertEquals("", m.push("D and more"));   // END found: nothing after it
        assertTrue(m.stopped());
        assertEquals("Hello ", m.text());
    }

    @Test
    void aFalseStartIsReleased() {
        StopStringMatcher m = new StopStringMatcher(List.of("END"));
        assertEquals("x", m.push("xE"));
        assertEquals("Ex", m.push("x"));
        assertFalse(m.stopped());
        assertEquals("xEx", m.text());
    }

    @Test
    void theEarliestOfSeveralStopsWinsAndTailIsFlushedAtTheEnd() {
        StopStringMatcher m = new StopStringMatcher(List.of("\n\n", "User:"));
        assertEquals("a", m.push("a\n"));
        assertEquals("", m.push("\nUser:"));
        assertEquals("a", m.text());
        StopStringMatcher open = new StopStringMatcher(List.of("User:"));
        assertEquals("ok ", open.push("ok Us"));
        assertEquals("Us", open.flush());
    }

    @Test
    void noStopsStreamsEverything() {
        StopStringMatcher m = new StopStringMatcher(List.of());
        assertEquals("abc", m.push("abc"));
    }
}
