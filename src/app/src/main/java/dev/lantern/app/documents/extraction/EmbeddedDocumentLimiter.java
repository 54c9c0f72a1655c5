package dev.lantern.app.documents.extraction;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Counts the embedded documents Tika is about to parse and how deep they nest, and refuses the one past
 * either limit. Container parsers sometimes swallow an embedded document's failure, so the violation is
 * also remembered and checked once the parse returns.
 */
final class EmbeddedDocumentLimiter implements EmbeddedDocumentExtractor {

    private final EmbeddedDocumentExtractor delegate;
    private final int maxEmbedded;
    private final int maxDepth;
    private int embedded;
    private int depth;
    private String violation;

    EmbeddedDocumentLimiter(EmbeddedDocumentExtractor delegate, int maxEmbedded, int maxDepth) {
        this.delegate = delegate;
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
        depth++;
        try {
            delegate.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    /** The public message of the limit that was passed, or null. */
    String violation() {
        return violation;
    }
}
