package dev.lantern.app.documents.extraction;

import java.time.Duration;

/**
 * What one document may cost to read (all configurable, {@code lantern.documents.*}).
 *
 * @param maxFileBytes         the upload's size
 * @param maxCharacters        extracted text, embedded documents included
 * @param maxEmbedded          embedded documents (attachments, OLE objects, package entries that are parsed)
 * @param maxNestingDepth      documents inside documents inside ...
 * @param parseTimeout         wall-clock time for one parse
 * @param maxZipEntries        entries of a ZIP-based package (OOXML, OpenDocument, EPUB)
 * @param maxZipBytes          their total uncompressed size
 * @param maxCompressionRatio  uncompressed ÷ compressed size, per entry and for the whole text: more is a bomb
 */
public record ExtractionLimits(long maxFileBytes, long maxCharacters, int maxEmbedded, int maxNestingDepth,
                               Duration parseTimeout, int maxZipEntries, long maxZipBytes,
                               long maxCompressionRatio) {

    /** Entries smaller than this are not judged by their ratio: a page of spaces compresses 1000:1 innocently. */
    public static final long RATIO_FLOOR_BYTES = 1 << 20;
}
