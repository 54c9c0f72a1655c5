package dev.lantern.app.documents.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Counts the embedded documents Tika is about to parse and how deep they nest, and refuses the one past
 * either limit. Container parsers sometimes swallow an embedded document's failure, so the violation is
 * also remembered and checked once the parse returns.
 *
 * <p>Images, audio and video inside a document are counted but not parsed: without OCR they hold no text, and
 * their parsers decode what they read (a 2 MB PNG attached to an e-mail made Tika allocate 6.6 GB in 14 s). The
 * type is detected from the content, since a container's label is the uploader's word.
 */
final class EmbeddedDocumentLimiter implements EmbeddedDocumentExtractor {

    private static final Set<String> MEDIA = Set.of("image", "audio", "video");

    private final EmbeddedDocumentExtractor delegate;
    private final Detector detector;
    private final int maxEmbedded;
    private final int maxDepth;
    private int embedded;
    private int depth;
    private String violation;

    EmbeddedDocumentLimiter(EmbeddedDocumentExtractor delegate, Detector detector, int maxEmbedded, int maxDepth) {
        this.delegate = delegate;
        this.detector = detector;
        this.maxEmbedded = maxEmbedded;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return violation == null && delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (++embedded > maxEmbedded) {
            violation = "The document holds more than " + maxEmbedded + " embedded documents.";
            throw new SAXException(violation);
        }
        if (depth + 1 > maxDepth) {
            violation = "The document nests embedded documents more than " + maxDepth + " levels deep.";
            throw new SAXException(violation);
        }
        TikaInputStream content = TikaInputStream.get(stream);
        MediaType type = detector.detect(content, new Metadata());
        if (MEDIA.contains(type.getType()) || MEDIA.contains(declaredType(metadata))) {
            return;
        }
        depth++;
        try {
            delegate.parseEmbedded(content, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    private static String declaredType(Metadata metadata) {
        MediaType declared = MediaType.parse(metadata.get(Metadata.CONTENT_TYPE));
        return declared == null ? "" : declared.getType();
    }

    /** The public message of the limit that was passed, or null. */
    String violation() {
        return violation;
    }
}
