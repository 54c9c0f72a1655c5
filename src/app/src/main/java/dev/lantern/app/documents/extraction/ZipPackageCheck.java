package dev.lantern.app.documents.extraction;

import dev.lantern.app.documents.extraction.ExtractionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads every entry of a ZIP-based package (OOXML, OpenDocument, EPUB) before any parser does, counting the
 * bytes it really inflates rather than trusting the sizes the headers claim: too many entries, too many
 * bytes in total, or one entry that inflates more than {@code maxCompressionRatio} times its compressed size
 * is a zip bomb. XML entries are scanned for entity declarations ({@code <!ENTITY}): no legitimate office
 * document or e-book declares entities, and external ones are how XXE reads files from the server.
 * A package whose central directory cannot be read is damaged (a truncated upload, for instance).
 */
final class ZipPackageCheck {

    private static final byte[] ENTITY = "<!ENTITY".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ExtractionLimits limits;

    ZipPackageCheck(ExtractionLimits limits) {
        this.limits = limits;
    }

    void check(Path file) throws ExtractionException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxZipEntries()) {
                throw new ExtractionException(Reason.TOO_LARGE,
                        "The package has more than " + limits.maxZipEntries() + " entries.");
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    total += inflate(zip, entry, limits.maxZipBytes() - total);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ExtractionException(Reason.UNREADABLE, "The file is damaged or truncated: its ZIP "
                    + "structure cannot be read.", e);
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, "The file is damaged or truncated.", e);
        }
    }

    private long inflate(ZipFile zip, ZipEntry entry, long budget) throws IOException, ExtractionException {
        boolean xml = isXml(entry.getName());
        long compressed = Math.max(1, entry.getCompressedSize());
        long count = 0;
        int matched = 0;
        byte[] buffer = new byte[16384];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                count += n;
                if (count > budget) {
                    throw new ExtractionException(Reason.TOO_LARGE, "The package inflates to more than "
                            + limits.maxZipBytes() / (1024 * 1024) + " MiB: refused as a possible zip bomb.");
                }
                if (count > ExtractionLimits.RATIO_FLOOR_BYTES && count / compressed > limits.maxCompressionRatio()) {
                    throw new ExtractionException(Reason.TOO_LARGE, "An entry of the package inflates more than "
                            + limits.maxCompressionRatio() + " times its compressed size: refused as a zip bomb.");
                }
                if (xml) {
                    matched = scanForEntity(buffer, n, matched);
                    if (matched == ENTITY.length) {
                        throw new ExtractionException(Reason.UNREADABLE, "The document declares XML entities, "
                                + "which documents never need (possible XML external entity attack): refused.");
                    }
                }
            }
        }
        return count;
    }

    /** Continues a case-insensitive match of {@code <!ENTITY} across buffers; returns the matched length. */
    static int scanForEntity(byte[] buffer, int length, int matched) {
        for (int i = 0; i < length && matched < ENTITY.length; i++) {
            byte b = buffer[i];
            byte upper = (byte) (b >= 'a' && b <= 'z' ? b - 32 : b);
            if (upper == ENTITY[matched]) {
                matched++;
            } else {
                matched = upper == ENTITY[0] ? 1 : 0;
            }
        }
        return matched;
    }

    private static boolean isXml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".xhtml")
                || lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".opf")
                || lower.endsWith(".ncx") || lower.endsWith(".svg");
    }
}
