package dev.lantern.app.documents.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.documents.extraction.ExtractionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tika behind Lantern's rules, on the committed fixtures (liberty/src/test/resources/documents). */
class TextExtractorTest {

    static final Map<FileType, String> SENTENCES = Map.ofEntries(
            Map.entry(FileType.PDF, "Quartz harbour lanterns guide the midnight ferries past Pellucid Island."),
            Map.entry(FileType.DOCX, "The copper windmill grinds barley for the village bakery every Tuesday."),
            Map.entry(FileType.DOC, "Violet glaciers slowly carve the northern fjords into deep blue valleys."),
            Map.entry(FileType.ODT, "A patient beekeeper gathers lavender honey from forty wooden hives."),
            Map.entry(FileType.RTF, "The brass telescope on the observatory roof tracks comets after midnight."),
            Map.entry(FileType.EPUB, "Ivory pianos echo through the empty concert hall at dawn."),
            Map.entry(FileType.XLSX, "Cobalt tractors harvest the sunflower fields in late August."),
            Map.entry(FileType.PPTX, "The marble fountain in the town square freezes every January."),
            Map.entry(FileType.MSG, "Indigo submarines map the coral reefs beneath the tropical lagoon."),
            Map.entry(FileType.EML, "The porcelain teapot collection is displayed in the museum's east wing."),
            Map.entry(FileType.HTML, "The silver orchestra rehearses symphonies in the old railway station."),
            Map.entry(FileType.HTM, "A crimson balloon carried the weather station above the desert plateau."),
            Map.entry(FileType.MD, "The granite bridge over the Ember River was rebuilt with oak beams."),
            Map.entry(FileType.CSV, "Emerald turtles nest on the southern beach each spring."),
            Map.entry(FileType.TXT, "Saffron kites drift above the coastal cliffs during the autumn festival."));

    static final ExtractionLimits LIMITS = new ExtractionLimits(50L << 20, 100_000, 20, 3, Duration.ofSeconds(30),
            1000, 20L << 20, 100);
    static final TextExtractor EXTRACTOR = new TextExtractor(LIMITS);
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @TempDir
    Path temp;

    static Path fixture(FileType type) {
        return Path.of(System.getProperty("lantern.fixtures", "../../liberty/src/test/resources/documents"))
                .resolve("fixture." + type.extension());
    }

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(FileType.class)
    void everyFixtureIsVerifiedAndItsSentenceExtracted(FileType type) throws Exception {
        Path file = fixture(type);
        String detected = EXTRACTOR.verify(file, type);
        assertTrue(type.agreesWith(detected), detected);
        ExtractedText text = EXTRACTOR.extract(file, file.getFileName().toString(), System.nanoTime() + 30_000_000_000L);
        assertTrue(text.text().contains(SENTENCES.get(type)), type + " text was: " + text.text());
        assertTrue(!text.segments().isEmpty());
    }

    @Test
    void pdfPagesAndHtmlSectionsAreRecorded() throws Exception {
        ExtractedText pdf = EXTRACTOR.extract(fixture(FileType.PDF), "fixture.pdf", System.nanoTime() + 30_000_000_000L);
        assertTrue(pdf.segments().stream().anyMatch(s -> Integer.valueOf(1).equals(s.page())), pdf.segments().toString());
        ExtractedText html = EXTRACTOR.extract(fixture(FileType.HTML), "fixture.html", System.nanoTime() + 30_000_000_000L);
        assertTrue(html.segments().stream().anyMatch(s -> "Tickets".equals(s.section())), html.segments().toString());
    }

    @Test
    void aPdfNamedDocxIsUnsupported() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> EXTRACTOR.verify(fixture(FileType.PDF), FileType.DOCX));
        assertEquals(Reason.UNSUPPORTED, e.reason());
    }

    @Test
    void emptyAndTruncatedFilesAreUnreadable() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.txt"));
        assertEquals(Reason.UNREADABLE, assertThrows(ExtractionException.class,
                () -> EXTRACTOR.verify(empty, FileType.TXT)).reason());
        byte[] docx = Files.readAllBytes(fixture(FileType.DOCX));
        Path truncated = Files.write(temp.resolve("cut.docx"), java.util.Arrays.copyOf(docx, docx.length / 2));
        assertEquals(Reason.UNREADABLE, assertThrows(ExtractionException.class,
                () -> EXTRACTOR.verify(truncated, FileType.DOCX)).reason());
        byte[] pdf = Files.readAllBytes(fixture(FileType.PDF));
        Path cutPdf = Files.write(temp.resolve("cut.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 2));
        assertEquals(Reason.UNREADABLE, assertThrows(ExtractionException.class,
                () -> EXTRACTOR.verify(cutPdf, FileType.PDF)).reason());
    }

    @Test
    void zipBombIsTooLargeAndEntityDeclarationIsRefused() throws IOException {
        Path bomb = temp.resolve("bomb.docx");
        Files.write(bomb, zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<w>" + " ".repeat(30 << 20) + "</w>")));
        assertEquals(Reason.TOO_LARGE, assertThrows(ExtractionException.class,
                () -> EXTRACTOR.verify(bomb, FileType.DOCX)).reason());
        Path xxe = temp.resolve("xxe.docx");
        Files.write(xxe, zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>")));
        ExtractionException e = assertThrows(ExtractionException.class, () -> EXTRACTOR.verify(xxe, FileType.DOCX));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("entities"));
    }

    @Test
    void tooManyEmbeddedDocumentsAndTooDeepNestingAreTooLarge() throws IOException {
        Path many = Files.writeString(temp.resolve("many.eml"), Hostile.emlWithAttachments(30));
        assertEquals(Reason.TOO_LARGE, assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract(many, "many.eml", System.nanoTime() + 30_000_000_000L)).reason());
        Path deep = Files.writeString(temp.resolve("deep.eml"), Hostile.nestedEml(6));
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract(deep, "deep.eml", System.nanoTime() + 30_000_000_000L));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("levels"), e.getMessage());
    }

    @Test
    void textOverTheCharacterLimitIsTooLarge() throws IOException {
        Path big = Files.writeString(temp.resolve("big.txt"), "word ".repeat(30_000));
        assertEquals(Reason.TOO_LARGE, assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract(big, "big.txt", System.nanoTime() + 30_000_000_000L)).reason());
    }

    @Test
    void aHangingParserIsAbandonedAtTheTimeoutAndAnExplodingOneFailsAlone() {
        TimeLimitedExtraction hanging = new TimeLimitedExtraction((f, n, d) -> {
            while (true) {
                Thread.onSpinWait();
            }
        }, EXECUTOR, 1, Duration.ofMillis(300));
        long start = System.nanoTime();
        ExtractionException e = assertThrows(ExtractionException.class, () -> hanging.extract(temp, "x.txt"));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
        assertThrows(TimeLimitedExtraction.BusyException.class, () -> hanging.extract(temp, "y.txt"),
                "the hung parse still holds the only permit");
        TimeLimitedExtraction exploding = new TimeLimitedExtraction((f, n, d) -> {
            throw new StackOverflowError();
        }, EXECUTOR, 1, Duration.ofSeconds(5));
        assertEquals(Reason.UNREADABLE, assertThrows(ExtractionException.class,
                () -> exploding.extract(temp, "z.txt")).reason());
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
