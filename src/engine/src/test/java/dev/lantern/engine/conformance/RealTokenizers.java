package dev.lantern.engine.conformance;

import dev.lantern.engine.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tests run once per downloaded model family, each with that family's real tokenizer, loaded as the engine
 * loads it. Each tokenizer is loaded once per test run and shared by the test classes (loading the large ones
 * takes seconds), and lives until the JVM ends.
 */
public final class RealTokenizers {
    private static final Map<String, TextTokenizer> LOADED = new ConcurrentHashMap<>();

    private RealTokenizers() {
    }

    /** The family's tokenizer as the engine loads it for a model that does not add special tokens. */
    public static TextTokenizer of(String family) {
        return LOADED.computeIfAbsent(family, f -> load(Conformance.BUILT.resolve("models").resolve(f).resolve("tokenizer.json")));
    }

    /** One container per family holding the tests {@code perFamily} makes; skipped, with the reason, without a corpus. */
    public static Stream<? extends DynamicNode> each(String what, Function<Family, List<DynamicTest>> perFamily) {
        String missing = Conformance.missingBecause("models/qwen3/tokenizer.json");
        if (missing != null) {
            return Conformance.skipped(what, missing);
        }
        return Conformance.models().stream().map(dir -> DynamicContainer.dynamicContainer(dir.getFileName().toString(),
                Stream.of(dir).flatMap(d -> {
                    String name = d.getFileName().toString();
                    return perFamily.apply(new Family(name, of(name))).stream();
                })));
    }

    public record Family(String name, TextTokenizer tokenizer) {
    }

    private static TextTokenizer load(Path file) {
        try {
            return TextTokenizer.load(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
