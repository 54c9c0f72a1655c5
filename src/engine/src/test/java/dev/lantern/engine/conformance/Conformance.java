package dev.lantern.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Where the corpus built by {@code src/test/conformance/prepare.sh} lives (the downloaded real tokenizers and
 * templates, and the oracles' expected outputs), and the one rule for when it is not there: the test says so
 * in its output and is reported as skipped, never as passed.
 */
public final class Conformance {
    public static final Path SOURCES = Path.of("src/test/conformance");
    public static final Path BUILT = Path.of("target/conformance");
    public static final ObjectMapper JSON = new ObjectMapper();

    private Conformance() {
    }

    /** Why the corpus is missing, or null when it is there. */
    public static String missingBecause(String expectedFile) {
        Path skipped = BUILT.resolve("SKIPPED");
        try {
            if (Files.exists(skipped)) {
                return Files.readString(skipped).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Files.exists(BUILT.resolve(expectedFile)) ? null
                : BUILT.resolve(expectedFile) + " is missing: run the build's generate-test-resources phase";
    }

    /** One test, reported as skipped, that prints why the conformance corpus could not be built. */
    public static Stream<DynamicTest> skipped(String what, String reason) {
        return Stream.of(DynamicTest.dynamicTest(what + " skipped", () -> {
            System.out.println("[conformance] " + what + " SKIPPED: " + reason);
            Assumptions.abort(what + " skipped: " + reason);
        }));
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model directories of the downloaded families that ship a tokenizer.json. */
    public static List<Path> models() {
        try (Stream<Path> dirs = Files.list(BUILT.resolve("models"))) {
            return dirs.filter(d -> Files.exists(d.resolve("tokenizer.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
