package dev.lantern.app.documents.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.app.documents.chunking.Chunk;
import dev.lantern.app.documents.chunking.RecursiveChunker;
import dev.lantern.reliability.DocumentMutator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite's document fuzzer (reliability/README.md): seeded mutants of every committed fixture go
 * through the server's own steps — {@link TextExtractor#verify}, {@link TimeLimitedExtraction} with the parse
 * timeout, the chunker — and each must end as text or as an {@link ExtractionException} (a 4xx for the uploader):
 * any other throwable is a crash (a 500 in the server), a parse past the timeout a hang. The build runs
 * {@code lantern.fuzz.documents} (20) mutants per type; {@code reliability/fuzz.sh} runs the long form. A failing
 * mutant is written to {@code target/fuzz-failures/} to be replayed.
 */
class DocumentFuzzTest {

    static final Duration PARSE_TIMEOUT = Duration.ofSeconds(15);
    static final ExtractionLimits LIMITS = new ExtractionLimits(50L << 20, 5_000_000, 100, 3, PARSE_TIMEOUT,
            10_000, 100L << 20, 100);
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    @Test
    void mutantsOfEveryTypeEndAsTextOrARefusalWithinTheParseTimeout() throws Exception {
        int perType = Integer.getInteger("lantern.fuzz.documents", 20);
        long seed = Long.getLong("lantern.fuzz.seed", 22);
        TextExtractor extractor = new TextExtractor(LIMITS);
        TimeLimitedExtraction extraction = new TimeLimitedExtraction(extractor::extract, EXECUTOR, 2, PARSE_TIMEOUT);
        RecursiveChunker chunker = new RecursiveChunker(text -> text.split("\\s+").length, 128, 24, 16_000);
        Path failures = Path.of("target", "fuzz-failures");
        List<String> problems = new ArrayList<>();
        Map<FileType, int[]> outcomes = new EnumMap<>(FileType.class);
        long slowest = 0;
        FileType[] types = FileType.values();
        for (int t = 0; t < types.length; t++) {
            FileType type = types[t];
            byte[] original = Files.readAllBytes(TextExtractorTest.fixture(type));
            byte[] donor = Files.readAllBytes(TextExtractorTest.fixture(types[(t + 1) % types.length]));
            int[] counts = outcomes.computeIfAbsent(type, k -> new int[4]);
            for (int i = 0; i < perType; i++) {
                byte[] mutant = DocumentMutator.mutant(original, type.extension(), donor, seed, i);
                Path file = Files.createTempFile("fuzz", "." + type.extension());
                long start = System.nanoTime();
                try {
                    Files.write(file, mutant);
                    extractor.verify(file, type);
                    ExtractedText text = extraction.extract(file, "mutant." + type.extension());
                    List<Chunk> chunks = chunker.split(text);
                    counts[chunks.isEmpty() ? 1 : 0]++;
                } catch (ExtractionException e) {
                    counts[e.reason() == ExtractionException.Reason.TOO_LARGE ? 2 : 1]++;
                    if (e.getMessage() != null && e.getMessage().startsWith("Reading the document took longer")) {
                        problems.add(record(failures, type, seed, i, mutant, "hang: " + e.getMessage()));
                    }
                } catch (TimeLimitedExtraction.BusyException e) {
                    problems.add(record(failures, type, seed, i, mutant, "every parse permit held by hung parsers"));
                } catch (Throwable e) {
                    counts[3]++;
                    problems.add(record(failures, type, seed, i, mutant, "crash: " + e));
                } finally {
                    Files.deleteIfExists(file);
                }
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            }
        }
        int files = perType * types.length;
        System.out.printf("document fuzz: seed %d, %d files (%d per type), slowest %d ms%n", seed, files, perType,
                slowest);
        outcomes.forEach((type, c) -> System.out.printf("  %-4s text %3d  unreadable %3d  too large %3d  crash %d%n",
                type, c[0], c[1], c[2], c[3]));
        assertEquals(List.of(), problems, "mutants that crashed or hung (replay them from " + failures + ")");
    }

    private static String record(Path folder, FileType type, long seed, int index, byte[] mutant, String what) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("seed" + seed + "-" + index + "." + type.extension()), mutant);
        } catch (java.io.IOException e) {
            // The report below still names the mutant, which the seed reproduces.
        }
        return type + " mutant " + index + " of seed " + seed + ": " + what;
    }
}
