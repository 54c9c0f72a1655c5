package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which resource method a body goes to: its own top-level {@code "stream": true}, and nothing else. */
class StreamRoutingTest {

    private static boolean streams(String json) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> StreamRouting.asksForStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyTheTopLevelTrueStreams() {
        assertTrue(streams("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}"));
        assertTrue(streams("{\"stream\":true,\"n\":2}"));
        assertFalse(streams("{\"stream\":false}"));
        assertFalse(streams("{\"stream\":\"yes\"}"), "a wrong type is left to the whole answer's 400");
        assertFalse(streams("{\"messages\":[{\"stream\":true}],\"rag\":{\"stream\":true}}"));
        assertFalse(streams("{\"messages\":[]}"));
    }

    @Test
    void bodiesThatAreNotJsonObjectsDoNotStreamAndNeverHang() {
        assertFalse(streams("{\"messages\": ["), "truncated inside an array (Parsson's skipArray loops forever here)");
        assertFalse(streams("{\"rag\": {\"enabled\": true"));
        assertFalse(streams("{\"stream\": tru"));
        assertFalse(streams(""));
        assertFalse(streams("[true]"));
        assertFalse(streams("not json"));
    }

    @Test
    void aBodyNestedPastTheParsersLimitDoesNotStreamInsteadOfThrowing() {
        // Parsson throws a plain RuntimeException past 1,000 levels; it escaped as a 500 (found by the fuzzer).
        assertFalse(streams("{\"max_tokens\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"stream\":true}"));
    }
}
