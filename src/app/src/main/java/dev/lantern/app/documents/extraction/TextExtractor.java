package dev.lantern.app.documents.extraction;

import dev.lantern.app.documents.extraction.ExtractionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.SecureContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache Tika behind Lantern's rules: the content must be what the extension says, ZIP packages are
 * inspected first ({@link ZipPackageCheck}), and a parse is bounded in characters, embedded documents, their
 * nesting, compression ratio (Tika's {@link SecureContentHandler}) and time. Each refusal is an
 * {@link ExtractionException} with a message for the uploader. Thread-safe; no OCR.
 */
public final class TextExtractor {

    private static final int SNIFF_BYTES = 1 << 20;

    private final ExtractionLimits limits;
    private final Detector detector;
    private final AutoDetectParser parser;
    private final ZipPackageCheck zipCheck;
    private final PdfStreamCheck pdfCheck;

    public TextExtractor(ExtractionLimits limits) {
        this.limits = limits;
        try {
            TikaConfig config = new TikaConfig(TextExtractor.class.getClassLoader());
            this.detector = config.getDetector();
            this.parser = new AutoDetectParser(config);
        } catch (TikaException | IOException e) {
            throw new IllegalStateException("cannot load Apache Tika's configuration", e);
        }
        this.zipCheck = new ZipPackageCheck(limits);
        this.pdfCheck = new PdfStreamCheck(limits);
    }

    /**
     * Checks, without parsing, that the file is a sound {@code type}: not empty, its content (not its name)
     * detected as a media type the extension allows, packages not bombs nor damaged, no XML entity
     * declarations, a PDF not cut short and its Flate streams not bombs. Returns the detected media type.
     */
    public String verify(Path file, FileType type) throws ExtractionException {
        try {
            if (Files.size(file) == 0) {
                throw new ExtractionException(Reason.UNREADABLE, "The file is empty.");
            }
            if (type.zipContainer() && startsWith(file, new byte[] {'P', 'K', 3, 4})) {
                zipCheck.check(file);
            }
            String detected;
            try (TikaInputStream in = TikaInputStream.get(file)) {
                detected = detector.detect(in, new Metadata()).getBaseType().toString();
            }
            if (!type.agreesWith(detected)) {
                throw new ExtractionException(Reason.UNSUPPORTED, "The file's content is " + detected
                        + ", which does not agree with its extension ." + type.extension() + ".");
            }
            if (type == FileType.PDF && !pdfEndsWithEofMarker(file)) {
                throw new ExtractionException(Reason.UNREADABLE, "The PDF is truncated (it has no end marker).");
            }
            if (type == FileType.PDF) {
                pdfCheck.check(file);
            }
            if ((type == FileType.HTML || type == FileType.HTM) && declaresEntities(file)) {
                throw new ExtractionException(Reason.UNREADABLE, "The document declares XML entities, which "
                        + "web pages never need (possible XML external entity attack): refused.");
            }
            return detected;
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, "The file could not be read.", e);
        }
    }

    /**
     * Parses a verified file into structured text. Run it on a thread that may be abandoned: it stops itself
     * at {@code deadlineNanos} ({@link System#nanoTime()}) whenever the parser produces output.
     */
    public ExtractedText extract(Path file, String filename, long deadlineNanos) throws ExtractionException {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        ParsingEmbeddedDocumentExtractor embedded = new ParsingEmbeddedDocumentExtractor(context);
        embedded.setWriteFileNameToContent(false);
        EmbeddedDocumentLimiter limiter = new EmbeddedDocumentLimiter(embedded, detector, limits.maxEmbedded(),
                limits.maxNestingDepth());
        context.set(EmbeddedDocumentExtractor.class, limiter);
        context.set(PDFParserConfig.class, pdfConfig());
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);

        StructuredTextHandler text = new StructuredTextHandler(limits.maxCharacters(), deadlineNanos);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        Exception failure = null;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            SecureContentHandler secure = new SecureContentHandler(text, in);
            secure.setMaximumCompressionRatio(limits.maxCompressionRatio());
            try {
                parser.parse(in, secure, metadata, context);
            } catch (SAXException e) {
                failure = e;
                try {
                    secure.throwIfCauseOf(e);
                } catch (TikaException bomb) {
                    throw new ExtractionException(Reason.TOO_LARGE, "The document expands to far more text than "
                            + "its size (more than " + limits.maxCompressionRatio() + " times): refused as a "
                            + "possible zip bomb.", bomb);
                }
            }
        } catch (TikaException | IOException | RuntimeException e) {
            failure = e;
        }
        return verdict(text, limiter, failure);
    }

    private ExtractedText verdict(StructuredTextHandler text, EmbeddedDocumentLimiter limiter, Exception failure)
            throws ExtractionException {
        if (limiter.violation() != null) {
            throw new ExtractionException(Reason.TOO_LARGE, limiter.violation(), failure);
        }
        if (text.limitReached()) {
            throw new ExtractionException(Reason.TOO_LARGE, "The extracted text is longer than "
                    + limits.maxCharacters() + " characters.", failure);
        }
        if (text.timedOut()) {
            throw new ExtractionException(Reason.TOO_LARGE, "Reading the document took longer than "
                    + limits.parseTimeout().toSeconds() + " s.", failure);
        }
        if (failure != null) {
            boolean encrypted = causedBy(failure, EncryptedDocumentException.class);
            throw new ExtractionException(Reason.UNREADABLE, encrypted ? "The document is encrypted."
                    : "The document could not be parsed: it is damaged or not valid for its type.", failure);
        }
        ExtractedText result = text.result();
        if (result.isBlank()) {
            throw new ExtractionException(Reason.UNREADABLE, "No text could be extracted from the document.");
        }
        return result;
    }

    private static PDFParserConfig pdfConfig() {
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        return pdf;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(Path file, byte[] signature) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(signature.length), signature);
        }
    }

    /** A complete PDF ends with {@code %%EOF} (followed at most by a little whitespace or junk). */
    private static boolean pdfEndsWithEofMarker(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            int tail = (int) Math.min(2048, raf.length());
            byte[] bytes = new byte[tail];
            raf.seek(raf.length() - tail);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private static boolean declaresEntities(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return ZipPackageCheck.scanForEntity(head, head.length, 0) == "<!ENTITY".length();
        }
    }
}
