package dev.lantern.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Decompression bombs of every container format Lantern reads, built in memory (nothing large is committed):
 * ZIP packages (OOXML, OpenDocument, EPUB), PDF Flate streams (plain, chained, in object streams, in images),
 * images inside documents, archives inside archives, and XML entity expansion. Each expands a few hundred KiB
 * into hundreds of MiB or more.
 */
public final class Bombs {

    public static final byte[] ZEROS = new byte[1 << 20];

    private Bombs() {
    }

    /** {@code mib} MiB of {@code fill} deflated (raw ZIP deflate or zlib), written without holding them. */
    public static byte[] deflated(long mib, byte fill, boolean zlib) {
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, fill);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, !zlib);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16)) {
            for (long i = 0; i < mib; i++) {
                z.write(block);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** zlib of zlib: each layer alone looks tame, together they multiply. */
    public static byte[] zlibTwice(long mib, byte fill) {
        byte[] inner = deflated(mib, fill, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            z.write(inner);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    // ---- ZIP packages ---------------------------------------------------------------------------------------

    /** A package whose {@code bombEntry} inflates to {@code mib} MiB of spaces; other entries as given. */
    public static byte[] zipPackage(Map<String, String> entries, String bombEntry, long mib) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                if (e.getKey().equals("mimetype")) {
                    stored(zip, e.getKey(), e.getValue().getBytes(StandardCharsets.US_ASCII));
                } else {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            if (bombEntry != null) {
                zip.putNextEntry(new ZipEntry(bombEntry));
                byte[] block = new byte[1 << 20];
                java.util.Arrays.fill(block, (byte) ' ');
                for (long i = 0; i < mib; i++) {
                    zip.write(block);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    public static Map<String, String> docxParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd."
                + "openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                + "xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/word/"
                + "document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml."
                + "document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas."
                + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>A document with a "
                + "bomb inside.</w:t></w:r></w:p></w:body></w:document>");
        return parts;
    }

    public static Map<String, String> odtParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", "application/vnd.oasis.opendocument.text");
        parts.put("META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:"
                + "names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" "
                + "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
                + "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
        parts.put("content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:"
                + "tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                + "<office:body><office:text><text:p>An open document with a bomb inside.</text:p></office:text>"
                + "</office:body></office:document-content>");
        return parts;
    }

    public static Map<String, String> epubParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", "application/epub+zip");
        parts.put("META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:"
                + "names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"content.opf\" "
                + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
        parts.put("content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version="
                + "\"2.0\"><metadata/><manifest><item id=\"c\" href=\"chapter.xhtml\" media-type=\"application/"
                + "xhtml+xml\"/></manifest><spine><itemref idref=\"c\"/></spine></package>");
        parts.put("chapter.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>An e-book with a bomb "
                + "inside.</p></body></html>");
        return parts;
    }

    // ---- PDF --------------------------------------------------------------------------------------------------

    /** A one-page PDF whose objects are given as dictionaries and optional stream bodies, with a real xref. */
    public static byte[] pdf(List<PdfObject> extra, String pageContents) {
        List<PdfObject> objects = new ArrayList<>();
        objects.add(new PdfObject("<</Type/Catalog/Pages 2 0 R>>", null));
        objects.add(new PdfObject("<</Type/Pages/Kids[3 0 R]/Count 1>>", null));
        objects.add(new PdfObject("<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents " + pageContents
                + "/Resources<</Font<</F1 4 0 R>>/XObject<</Im1 6 0 R>>>>>>", null));
        objects.add(new PdfObject("<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>", null));
        objects.addAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size() + 1];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i + 1] = out.size();
            PdfObject o = objects.get(i);
            write(out, (i + 1) + " 0 obj\n" + o.dictionary() + "\n");
            if (o.stream() != null) {
                write(out, "stream\n");
                out.writeBytes(o.stream());
                write(out, "\nendstream\n");
            }
            write(out, "endobj\n");
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int i = 1; i <= objects.size(); i++) {
            table.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        table.append("trailer\n<</Size ").append(objects.size() + 1).append("/Root 1 0 R>>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    public record PdfObject(String dictionary, byte[] stream) {
        static PdfObject flate(String keys, byte[] compressed) {
            return new PdfObject("<<" + keys + "/Length " + compressed.length + "/Filter/FlateDecode>>", compressed);
        }
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] zlib(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Page content: a line of text, then {@code mib} MiB of spaces, all in one Flate stream (object 5). */
    public static byte[] pdfContentBomb(long mib) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw, deflater, 1 << 16)) {
            z.write(text("BT /F1 12 Tf 72 720 Td (A page with a bomb behind it.) Tj ET\n"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long i = 0; i < mib; i++) {
                z.write(spaces);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return pdf(List.of(PdfObject.flate("", raw.toByteArray()), tinyImage()), "5 0 R");
    }

    /**
     * Page content that starts with {@code prefixKib} KiB of incompressible bytes (in a PDF comment) and then
     * inflates to {@code mib} MiB of spaces: the stream's whole ratio, not its first chunk's, must be judged.
     */
    public static byte[] pdfPrefixedContentBomb(int prefixKib, long mib) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw, deflater, 1 << 16)) {
            z.write(text("BT /F1 12 Tf 72 720 Td (A page with noise and a bomb behind it.) Tj ET\n%"));
            java.util.Random random = new java.util.Random(22);
            byte[] noise = new byte[prefixKib * 1024];
            random.nextBytes(noise);
            for (int i = 0; i < noise.length; i++) {
                if (noise[i] == '\n' || noise[i] == '\r') {
                    noise[i] = 'x';
                }
            }
            z.write(noise);
            z.write('\n');
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long i = 0; i < mib; i++) {
                z.write(spaces);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return pdf(List.of(PdfObject.flate("", raw.toByteArray()), tinyImage()), "5 0 R");
    }

    /** The same bomb behind two FlateDecode filters. */
    public static byte[] pdfChainedFlateBomb(long mib) {
        byte[] twice = zlibTwice(mib, (byte) ' ');
        return pdf(List.of(new PdfObject("<</Length " + twice.length + "/Filter[/FlateDecode/FlateDecode]>>", twice),
                tinyImage()), "5 0 R");
    }

    /** A tame page and an image XObject whose Flate data inflates to {@code mib} MiB of zeros. */
    public static byte[] pdfImageBomb(long mib) {
        byte[] content = zlib(text("BT /F1 12 Tf 72 720 Td (A page with a huge image.) Tj ET q 612 0 0 792 0 0 cm "
                + "/Im1 Do Q\n"));
        byte[] pixels = deflated(mib, (byte) 0, true);
        int side = (int) Math.sqrt(mib * (1 << 20) / 3.0);
        return pdf(List.of(PdfObject.flate("", content), new PdfObject("<</Type/XObject/Subtype/Image/Width " + side
                + "/Height " + side + "/ColorSpace/DeviceRGB/BitsPerComponent 8/Length " + pixels.length
                + "/Filter/FlateDecode>>", pixels)), "5 0 R");
    }

    private static PdfObject tinyImage() {
        return PdfObject.flate("/Type/XObject/Subtype/Image/Width 1/Height 1/ColorSpace/DeviceGray"
                + "/BitsPerComponent 8", zlib(new byte[] {0}));
    }

    // ---- images, nesting, entities ------------------------------------------------------------------------------

    /** A PNG of {@code side}×{@code side} grey pixels (all zero) whose zlib data is a bomb, with a zTXt bomb too. */
    public static byte[] pngBomb(int side, long ztxtMib) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        int32(ihdr, side);
        int32(ihdr, side);
        ihdr.writeBytes(new byte[] {8, 0, 0, 0, 0});
        chunk(png, "IHDR", ihdr.toByteArray());
        if (ztxtMib > 0) {
            ByteArrayOutputStream ztxt = new ByteArrayOutputStream();
            ztxt.writeBytes(text("Comment"));
            ztxt.writeBytes(new byte[] {0, 0});
            ztxt.writeBytes(deflated(ztxtMib, (byte) 'a', true));
            chunk(png, "zTXt", ztxt.toByteArray());
        }
        long rowBytes = side + 1L;
        chunk(png, "IDAT", deflated(Math.max(1, rowBytes * side >> 20), (byte) 0, true));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        int32(png, data.length);
        byte[] name = text(type);
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        int32(png, (int) crc.getValue());
    }

    private static void int32(OutputStream out, int v) {
        try {
            out.write(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DOCX with an image part, stored (not deflated again, which the package check would judge by itself). */
    public static byte[] docxWithImage(byte[] image) throws IOException {
        Map<String, String> parts = docxParts();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            stored(zip, "word/media/image1.png", image);
        }
        return bytes.toByteArray();
    }

    /** An e-mail with one base64 attachment. */
    public static String emlWithAttachment(String filename, String mediaType, byte[] content) {
        return "From: a@example.org\r\nSubject: attachment\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "A message with an attachment.\r\n--b\r\nContent-Type: " + mediaType + "\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"" + filename
                + "\"\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(content) + "\r\n--b--\r\n";
    }

    /** A ZIP holding ZIPs holding ..., {@code depth} levels, the innermost {@code mib} MiB of zeros ("42.zip"). */
    public static byte[] nestedZip(int depth, int width, long mib) throws IOException {
        byte[] inner = zipOf(Map.of("zeros.txt", mib), null);
        for (int level = 0; level < depth; level++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (int i = 0; i < width; i++) {
                    zip.putNextEntry(new ZipEntry("level" + level + "-" + i + ".zip"));
                    zip.write(inner);
                    zip.closeEntry();
                }
            }
            inner = bytes.toByteArray();
        }
        return inner;
    }

    private static byte[] zipOf(Map<String, Long> zeroEntries, String unused) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, Long> e : zeroEntries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                byte[] block = new byte[1 << 20];
                java.util.Arrays.fill(block, (byte) 'z');
                for (long i = 0; i < e.getValue(); i++) {
                    zip.write(block);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** "Billion laughs": ten levels of ten references, 10^9 copies of "lol" if expanded. */
    public static String billionLaughs(String root) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">\n");
        }
        return dtd.append("]>\n").toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
