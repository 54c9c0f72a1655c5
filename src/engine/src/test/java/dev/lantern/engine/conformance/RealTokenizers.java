package dev.lantern.engine.conformance;

import dev.lantern.engine.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** Tests run once per downloaded model family, each with that family's real tokenizer, loaded as the engine loads it. */
public final class RealTokenizers {
    private RealTokenizers() {
    }

    /** One container per family holding the tests {@code perFamily} makes; skipped, with the reason, without a corpus. */
    public static Stream<? extends DynamicNode> each(String what, Function<Family, List<DynamicTest>> perFamily) {
        String missing = Conformance.missingBecause("models/qwen3/tokenizer.json");
        if (missing != null) {
            return Conformance.skipped(what, missing);
        }
        return Conformance.models().stream().map(dir -> DynamicContainer.dynamicContainer(dir.getFileName().toString(),
                Stream.of(dir).flatMap(d -> {
                    Family family = new Family(d.getFileName().toString(), load(d.resolve("tokenizer.json")));
                    return perFamily.apply(family).stream().onClose(family.tokenizer()::close);
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
