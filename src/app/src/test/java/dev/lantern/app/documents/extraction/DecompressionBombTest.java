package dev.lantern.app.documents.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lantern.app.documents.extraction.ExtractionException.Reason;
import dev.lantern.reliability.Bombs;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decompression bombs of every container format, through the server's own two steps ({@link TextExtractor#verify}
 * on the request thread, then {@link TimeLimitedExtraction}): each is refused, or read within the limits (its
 * text bounded, its parse under the timeout, the parsing thread allocating a bounded amount — a bomb that is
 * inflated whole would allocate its full size, and in the server exhaust the heap, which ends the JVM).
 */
class DecompressionBombTest {

    /** The server's defaults (microprofile-config.properties), but a short parse timeout. */
    static final ExtractionLimits LIMITS = new ExtractionLimits(50L << 20, 5_000_000, 100, 3, Duration.ofSeconds(20),
            10_000, 100L << 20, 100);
    static final TextExtractor EXTRACTOR = new TextExtractor(LIMITS);
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    /** What one parse may allocate in all: generous for a real document, far below any bomb's size. */
    static final long MAX_ALLOCATED = 400L << 20;

    @TempDir
    Path temp;

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    /** How a bomb ended: refused (with why) or read within bounds. */
    record Outcome(Reason refused, String message, int characters, long millis, long allocated) {
    }

    Outcome read(String name, byte[] bytes, FileType type) throws Exception {
        Path file = Files.write(temp.resolve(name), bytes);
        long start = System.nanoTime();
        AtomicLong allocated = new AtomicLong();
        try {
            EXTRACTOR.verify(file, type);
            TimeLimitedExtraction extraction = new TimeLimitedExtraction((f, n, deadline) -> {
                com.sun.management.ThreadMXBean threads =
                        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long before = threads.getCurrentThreadAllocatedBytes();
                try {
                    return EXTRACTOR.extract(f, n, deadline);
                } finally {
                    allocated.set(threads.getCurrentThreadAllocatedBytes() - before);
                }
            }, EXECUTOR, 1, LIMITS.parseTimeout());
            ExtractedText text = extraction.extract(file, name);
            return new Outcome(null, null, text.text().length(), millis(start), allocated.get());
        } catch (ExtractionException e) {
            return new Outcome(e.reason(), e.getMessage(), 0, millis(start), allocated.get());
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Refused for one of {@code reasons}, or read within the limits. */
    void refusedOrBounded(String name, byte[] bytes, FileType type, Set<Reason> reasons) throws Exception {
        Outcome outcome = read(name, bytes, type);
        System.out.printf("bomb %-28s %9d bytes -> %s in %d ms, %d MiB allocated by the parse%n", name, bytes.length,
                outcome.refused() == null ? "read, " + outcome.characters() + " characters"
                        : outcome.refused() + " (" + outcome.message() + ")", outcome.millis(), outcome.allocated() >> 20);
        if (outcome.refused() != null) {
            assertTrue(reasons.contains(outcome.refused()), name + ": " + outcome);
        } else {
            assertTrue(outcome.characters() <= LIMITS.maxCharacters(), name + ": " + outcome);
        }
        assertTrue(outcome.millis() < LIMITS.parseTimeout().toMillis() + 2_000, name + " took too long: " + outcome);
        assertTrue(outcome.allocated() < MAX_ALLOCATED, name + " was inflated: " + outcome);
    }

    void refused(String name, byte[] bytes, FileType type, Reason reason) throws Exception {
        Outcome outcome = read(name, bytes, type);
        System.out.printf("bomb %-28s %9d bytes -> %s in %d ms%n", name, bytes.length, outcome.refused() == null
                ? "READ (" + outcome.characters() + " characters)" : outcome.refused() + " (" + outcome.message() + ")",
                outcome.millis());
        if (outcome.refused() != reason) {
            fail(name + " should be refused as " + reason + ": " + outcome);
        }
    }

    @Test
    void zipPackageBombsAreRefused() throws Exception {
        refused("bomb.docx", Bombs.zipPackage(Bombs.docxParts(), "word/media/spaces.bin", 400), FileType.DOCX,
                Reason.TOO_LARGE);
        refused("bomb.xlsx", Bombs.zipPackage(Bombs.docxParts(), "xl/sharedStrings.xml", 400), FileType.XLSX,
                Reason.TOO_LARGE);
        refused("bomb.pptx", Bombs.zipPackage(Bombs.docxParts(), "ppt/slides/slide9.xml", 400), FileType.PPTX,
                Reason.TOO_LARGE);
        refused("bomb.odt", Bombs.zipPackage(Bombs.odtParts(), "Pictures/spaces.bin", 400), FileType.ODT,
                Reason.TOO_LARGE);
        refused("bomb.epub", Bombs.zipPackage(Bombs.epubParts(), "chapter2.xhtml", 400), FileType.EPUB,
                Reason.TOO_LARGE);
    }

    @Test
    void pdfFlateStreamBombsAreRefusedBeforeParsing() throws Exception {
        refused("content-bomb.pdf", Bombs.pdfContentBomb(512), FileType.PDF, Reason.TOO_LARGE);
        refused("chained-flate-bomb.pdf", Bombs.pdfChainedFlateBomb(1024), FileType.PDF, Reason.TOO_LARGE);
        refused("prefixed-content-bomb.pdf", Bombs.pdfPrefixedContentBomb(256, 95), FileType.PDF, Reason.TOO_LARGE);
    }

    @Test
    void aPdfImageBombIsNeverInflated() throws Exception {
        refusedOrBounded("image-bomb.pdf", Bombs.pdfImageBomb(512), FileType.PDF, EnumSet.allOf(Reason.class));
    }

    @Test
    void imageBombsInsideDocumentsAreRefusedOrBounded() throws Exception {
        byte[] png = Bombs.pngBomb(24_000, 256);
        refusedOrBounded("png-bomb.docx", Bombs.docxWithImage(png), FileType.DOCX, EnumSet.allOf(Reason.class));
        refusedOrBounded("png-bomb.eml", Bombs.emlWithAttachment("huge.png", "image/png", png)
                .getBytes(StandardCharsets.US_ASCII), FileType.EML, EnumSet.allOf(Reason.class));
    }

    @Test
    void nestedArchivesAreRefusedOrBounded() throws Exception {
        byte[] nested = Bombs.nestedZip(4, 8, 256);
        refusedOrBounded("nested-zip.eml", Bombs.emlWithAttachment("42.zip", "application/zip", nested)
                .getBytes(StandardCharsets.US_ASCII), FileType.EML, EnumSet.allOf(Reason.class));
        byte[] docx = Bombs.zipPackage(Bombs.docxParts(), "word/media/spaces.bin", 400);
        refusedOrBounded("docx-bomb.eml", Bombs.emlWithAttachment("bomb.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)
                .getBytes(StandardCharsets.US_ASCII), FileType.EML, EnumSet.allOf(Reason.class));
    }

    @Test
    void xmlEntityExpansionIsRefusedOrBounded() throws Exception {
        String laughs = Bombs.billionLaughs("html") + "<html><body><p>&lol9;</p></body></html>";
        refused("laughs.html", laughs.getBytes(StandardCharsets.UTF_8), FileType.HTML, Reason.UNREADABLE);
        String word = Bombs.billionLaughs("w:document").replace("<?xml version=\"1.0\"?>\n", "")
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                + "<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
        Map<String, String> docx = new java.util.LinkedHashMap<>(Bombs.docxParts());
        docx.put("word/document.xml", "<?xml version=\"1.0\"?>\n" + word);
        refused("laughs.docx", Bombs.zipPackage(docx, null, 0), FileType.DOCX, Reason.UNREADABLE);
        Map<String, String> odt = new java.util.LinkedHashMap<>(Bombs.odtParts());
        odt.put("content.xml", Bombs.billionLaughs("office:document-content") + "<office:document-content/>");
        refused("laughs.odt", Bombs.zipPackage(odt, null, 0), FileType.ODT, Reason.UNREADABLE);
        Map<String, String> epub = new java.util.LinkedHashMap<>(Bombs.epubParts());
        epub.put("chapter.xhtml", Bombs.billionLaughs("html") + "<html><body><p>&lol9;</p></body></html>");
        refused("laughs.epub", Bombs.zipPackage(epub, null, 0), FileType.EPUB, Reason.UNREADABLE);
        byte[] xml = (Bombs.billionLaughs("r") + "<r>&lol9;</r>").getBytes(StandardCharsets.UTF_8);
        refusedOrBounded("laughs-attached.eml", Bombs.emlWithAttachment("laughs.xml", "application/xml", xml)
                .getBytes(StandardCharsets.US_ASCII), FileType.EML, EnumSet.allOf(Reason.class));
        refusedOrBounded("laughs-svg.eml", Bombs.emlWithAttachment("laughs.svg", "image/svg+xml",
                (Bombs.billionLaughs("svg") + "<svg><text>&lol9;</text></svg>").getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII), FileType.EML, EnumSet.allOf(Reason.class));
    }
}
