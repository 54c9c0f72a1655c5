package dev.lantern.app.generation;

import java.time.Instant;
import java.util.UUID;

/** Response ids and timestamps in OpenAI's style. */
final class Ids {
    private Ids() {
    }

    static String next(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
