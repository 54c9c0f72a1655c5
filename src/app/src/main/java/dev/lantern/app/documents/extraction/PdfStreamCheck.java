package dev.lantern.app.documents.extraction;

import dev.lantern.app.documents.extraction.ExtractionException.Reason;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates every Flate stream of a PDF that text extraction would decode, before PDFBox sees the file, counting
 * the bytes it really produces (as {@link ZipPackageCheck} does for packages): one stream inflating more than
 * {@code maxCompressionRatio} times its compressed size (past {@link ExtractionLimits#RATIO_FLOOR_BYTES}), or all
 * of them together past {@code maxZipBytes}, is a bomb. PDFBox decodes content streams as it reads them and emits
 * no text for whitespace or drawing operators, so a megabyte of deflated spaces kept a parser busy for minutes
 * with nothing to stop it (the extraction handler only sees text). Chained filters ({@code [/FlateDecode
 * /FlateDecode]}) are inflated layer by layer. Image XObjects are skipped: text extraction never decodes them
 * (OCR and inline images are off), and a blank scanned page legitimately deflates a thousandfold.
 *
 * <p>The scan is lexical: it finds each {@code stream} keyword and reads the dictionary of its object (between the
 * preceding {@code obj} and the keyword). A stream it cannot inflate is left to the parser, which judges damage.
 */
final class PdfStreamCheck {

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DICTIONARY = 16 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final ExtractionLimits limits;

    PdfStreamCheck(ExtractionLimits limits) {
        this.limits = limits;
    }

    void check(Path file) throws ExtractionException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return;
            }
            MappedByteBuffer pdf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            long total = 0;
            int limit = pdf.limit();
            for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
                int data = streamData(pdf, at);
                if (data < 0) {
                    continue;
                }
                String dictionary = dictionaryBefore(pdf, at);
                int layers = flateLayers(dictionary);
                if (layers == 0 || isImage(dictionary)) {
                    continue;
                }
                total += inflate(pdf, data, limit, layers, limits.maxZipBytes() - total);
            }
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, "The file could not be read.", e);
        }
    }

    /** Bytes the stream at {@code from} inflates to through {@code layers} Flate filters; refuses a bomb. */
    private long inflate(MappedByteBuffer pdf, int from, int limit, int layers, long budget)
            throws ExtractionException {
        Inflater[] inflaters = new Inflater[layers];
        for (int i = 0; i < layers; i++) {
            inflaters[i] = new Inflater();
        }
        try {
            byte[] input = new byte[CHUNK];
            int position = from;
            long[] produced = {0};
            while (position < limit) {
                int n = Math.min(CHUNK, limit - position);
                pdf.get(position, input, 0, n);
                inflaters[0].setInput(input, 0, n);
                drain(inflaters, 0, budget, produced);
                int used = n - inflaters[0].getRemaining();
                position += used;
                if (inflaters[0].finished() || used == 0) {
                    break;
                }
            }
            return produced[0];
        } catch (DataFormatException e) {
            return 0;
        } finally {
            for (Inflater inflater : inflaters) {
                inflater.end();
            }
        }
    }

    /**
     * Inflates what layer {@code i} holds, feeding the next layer; adds what the last layer produces to
     * {@code produced[0]}, the whole stream's count, so that the ratio is the stream's and not one chunk's.
     */
    private void drain(Inflater[] layers, int i, long budget, long[] produced)
            throws DataFormatException, ExtractionException {
        byte[] output = new byte[CHUNK];
        while (!layers[i].finished()) {
            int n = layers[i].inflate(output);
            if (n == 0) {
                break;
            }
            if (i + 1 == layers.length) {
                produced[0] += n;
                check(produced[0], Math.max(1, layers[0].getBytesRead()), budget);
            } else {
                layers[i + 1].setInput(output.clone(), 0, n);
                drain(layers, i + 1, budget, produced);
            }
        }
    }

    private void check(long produced, long consumed, long budget) throws ExtractionException {
        if (produced > budget) {
            throw new ExtractionException(Reason.TOO_LARGE, "The PDF's streams inflate to more than "
                    + limits.maxZipBytes() / (1024 * 1024) + " MiB: refused as a possible decompression bomb.");
        }
        if (produced > ExtractionLimits.RATIO_FLOOR_BYTES && produced / Math.max(1, consumed) > limits.maxCompressionRatio()) {
            throw new ExtractionException(Reason.TOO_LARGE, "A stream of the PDF inflates more than "
                    + limits.maxCompressionRatio() + " times its compressed size: refused as a decompression bomb.");
        }
    }

    /** Where the data after {@code stream} starts (after its end of line), or -1 when this is not the keyword. */
    private static int streamData(MappedByteBuffer pdf, int at) {
        if (at > 0 && isRegular(pdf.get(at - 1)) && pdf.get(at - 1) != '>') {
            return -1;
        }
        int p = at + STREAM.length;
        if (p >= pdf.limit()) {
            return -1;
        }
        byte b = pdf.get(p);
        if (b == '\r') {
            p++;
            if (p < pdf.limit() && pdf.get(p) == '\n') {
                p++;
            }
            return p;
        }
        return b == '\n' ? p + 1 : -1;
    }

    private static boolean isRegular(byte b) {
        return !(b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0);
    }

    /** The text between the last {@code obj} before the keyword and the keyword (at most 16 KiB). */
    private static String dictionaryBefore(MappedByteBuffer pdf, int at) {
        int from = Math.max(0, at - MAX_DICTIONARY);
        byte[] bytes = new byte[at - from];
        pdf.get(from, bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int obj = text.lastIndexOf("obj");
        int endstream = text.lastIndexOf("endstream");
        int start = Math.max(obj, endstream);
        return start >= 0 ? text.substring(start) : text;
    }

    /** How many FlateDecode filters the dictionary names ({@code /Fl} is the inline-image abbreviation). */
    static int flateLayers(String dictionary) {
        int filter = dictionary.indexOf("/Filter");
        if (filter < 0) {
            return 0;
        }
        int count = 0;
        for (int i = dictionary.indexOf("/FlateDecode", filter); i >= 0; i = dictionary.indexOf("/FlateDecode", i + 1)) {
            count++;
        }
        return Math.min(count, 8);
    }

    private static boolean isImage(String dictionary) {
        return dictionary.replaceAll("\\s+", "").contains("/Subtype/Image");
    }

    private static int indexOf(MappedByteBuffer haystack, byte[] needle, int from) {
        int last = haystack.limit() - needle.length;
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
