package dev.lantern.it.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The committed fixtures (src/test/resources/documents, one per type, each holding one known sentence) and
 * hostile files made in memory: a zip bomb, an XML external entity, a message with too many attachments.
 */
final class Fixtures {

    static final Map<String, String> SENTENCES = new LinkedHashMap<>();

    static {
        SENTENCES.put("pdf", "Quartz harbour lanterns guide the midnight ferries past Pellucid Island.");
        SENTENCES.put("docx", "The copper windmill grinds barley for the village bakery every Tuesday.");
        SENTENCES.put("doc", "Violet glaciers slowly carve the northern fjords into deep blue valleys.");
        SENTENCES.put("odt", "A patient beekeeper gathers lavender honey from forty wooden hives.");
        SENTENCES.put("rtf", "The brass telescope on the observatory roof tracks comets after midnight.");
        SENTENCES.put("epub", "Ivory pianos echo through the empty concert hall at dawn.");
        SENTENCES.put("xlsx", "Cobalt tractors harvest the sunflower fields in late August.");
        SENTENCES.put("pptx", "The marble fountain in the town square freezes every January.");
        SENTENCES.put("msg", "Indigo submarines map the coral reefs beneath the tropical lagoon.");
        SENTENCES.put("eml", "The porcelain teapot collection is displayed in the museum's east wing.");
        SENTENCES.put("html", "The silver orchestra rehearses symphonies in the old railway station.");
        SENTENCES.put("htm", "A crimson balloon carried the weather station above the desert plateau.");
        SENTENCES.put("md", "The granite bridge over the Ember River was rebuilt with oak beams.");
        SENTENCES.put("csv", "Emerald turtles nest on the southern beach each spring.");
        SENTENCES.put("txt", "Saffron kites drift above the coastal cliffs during the autumn festival.");
    }

    private Fixtures() {
    }

    static byte[] fixture(String extension) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/documents/fixture." + extension)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture." + extension);
            }
            return in.readAllBytes();
        }
    }

    /** A DOCX-shaped package whose document part inflates 40 MiB of spaces from about 40 KiB. */
    static byte[] zipBomb() throws IOException {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<w:document>" + " ".repeat(40 << 20) + "</w:document>"));
    }

    /** A DOCX-shaped package whose document declares an external entity pointing at a server file. */
    static byte[] xxe() throws IOException {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                        + "<w:document><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"));
    }

    static String emlWithAttachments(int count) {
        StringBuilder eml = new StringBuilder("From: a@example.org\r\nSubject: many\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n");
        for (int i = 0; i < count; i++) {
            eml.append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a")
                    .append(i).append(".txt\"\r\n\r\nattachment ").append(i).append("\r\n");
        }
        return eml.append("--b--\r\n").toString();
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
