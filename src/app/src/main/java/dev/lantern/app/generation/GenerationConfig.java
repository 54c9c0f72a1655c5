package dev.lantern.app.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generation settings read once from MicroProfile Config: the time limit of one request, the Retry-After of an
 * overloaded answer, how often an event stream is written at most, and the automatic settings tables
 * (AutoSettings syntax) for non-streaming and streaming requests (streams must never get beams from it: a beam search streams nothing until it ends, and its steps,
 * model calls of their own between the batch's, slow the other rows meanwhile; the shipped tables give beams to
 * neither, see microprofile-config.properties), and who shares cached prompt prefixes.
 */
@ApplicationScoped
public class GenerationConfig {

    private final Duration timeout;
    private final int retryAfterSeconds;
    private final AutoSettings auto;
    private final AutoSettings autoStreaming;
    private final Duration streamFlushInterval;
    private final PrefixScope prefixScope;

    @Inject
    public GenerationConfig(
            @ConfigProperty(name = "lantern.generation.timeout") Duration timeout,
            @ConfigProperty(name = "lantern.generation.retry-after-seconds") int retryAfterSeconds,
            @ConfigProperty(name = "lantern.generation.auto-settings") String auto,
            @ConfigProperty(name = "lantern.generation.auto-settings.streaming")
            String streaming,
            @ConfigProperty(name = "lantern.generation.stream-flush-interval")
            Duration streamFlushInterval,
            @ConfigProperty(name = "lantern.prefix-cache.scope") String prefixScope) {
        if (streamFlushInterval.isNegative() || streamFlushInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("lantern.generation.stream-flush-interval must be between 0 and 1 s: "
                    + streamFlushInterval);
        }
        this.timeout = timeout;
        this.streamFlushInterval = streamFlushInterval;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        this.auto = table(auto);
        this.autoStreaming = table(streaming);
        this.prefixScope = PrefixScope.parse(prefixScope);
    }

    /** For CDI's client proxy only. */
    protected GenerationConfig() {
        this(Duration.ofMinutes(2), 1, "none", "none", Duration.ZERO, "user");
    }

    /** {@code none} turns the automatic settings off. */
    private static AutoSettings table(String spec) {
        return spec == null || spec.isBlank() || "none".equalsIgnoreCase(spec.trim()) ? AutoSettings.NONE
                : AutoSettings.parse(spec);
    }

    public Duration timeout() {
        return timeout;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The least time between two writes of one event stream (its first event goes out at once). */
    public Duration streamFlushInterval() {
        return streamFlushInterval;
    }

    /** Who shares cached prompt prefixes (lantern.prefix-cache.scope). */
    public PrefixScope prefixScope() {
        return prefixScope;
    }

    public AutoSettings auto(boolean streaming) {
        return streaming ? autoStreaming : auto;
    }
}
