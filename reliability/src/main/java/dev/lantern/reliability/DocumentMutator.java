package dev.lantern.reliability;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A seeded mutation fuzzer for documents: from one valid file of a type, the {@code i}-th mutant of seed
 * {@code s} is always the same bytes. Blind byte mutations (bit flips, interesting values, inserted, deleted or
 * repeated ranges, truncation, splices with another file) reach the format's outer parser; structure-aware ones
 * reach what lies behind a checksum or a compression layer: ZIP packages (OOXML, OpenDocument, EPUB) are opened,
 * one entry is mutated and the package is written again with valid CRCs, and a PDF's Flate streams are inflated,
 * mutated and deflated again, or its numbers (lengths, offsets, object references) replaced with edge values.
 * Plain JDK, so that unit tests, integration tests and the long-form scripts share it.
 */
public final class DocumentMutator {

    private static final byte[] INTERESTING = {0, (byte) 0xff, 0x7f, (byte) 0x80, 0x01, (byte) 0xfe, '<', '>', '&',
            '"', '\'', '\\', '{', '}', '(', ')', '/', '%', '\n', '\r', ' ', '0', '9', '-'};
    private static final String[] NUMBERS = {"0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "99999999999999999999", "1e308", "NaN", "65535", "4294967296", "0.0000001"};
    private static final String[] MARKUP = {"<", ">", "</", "<!--", "]]>", "<![CDATA[", "&amp", "&#0;", "&#x110000;",
            "\u0000", "\uFFFE", "\uD800", "<p>", "</p></p></p>", "<b><i>", "\"", "'", "=", "<?xml version=\"9\"?>",
            "\r\n\r\n", "--b--", "=?utf-8?b?", "Content-Type: multipart/mixed; boundary=x\r\n", "{\\rtf1", "\\bin99999"};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern FLATE = Pattern.compile("/FlateDecode[^>]*>>\\s*stream\\r?\\n");

    private DocumentMutator() {
    }

    /** The {@code index}-th mutant of {@code original} (a file of {@code extension}), {@code donor} for splices. */
    public static byte[] mutant(byte[] original, String extension, byte[] donor, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index * 7919L + extension.hashCode());
        String type = extension.toLowerCase(Locale.ROOT);
        boolean zip = original.length > 4 && original[0] == 'P' && original[1] == 'K';
        int strategy = random.nextInt(10);
        try {
            if (zip && strategy < 6) {
                return mutateZipEntry(original, random);
            }
            if (type.equals("pdf") && strategy < 3) {
                return mutatePdfStream(original, random);
            }
            if (type.equals("pdf") && strategy < 5) {
                return replaceNumbers(original, random);
            }
            if (isText(type) && strategy < 5) {
                return mutateText(original, random);
            }
        } catch (IOException | RuntimeException e) {
            // A structure this mutator cannot open falls back to blind bytes, which is still a mutant.
        }
        return mutateBytes(original, donor, random, 1 + random.nextInt(4));
    }

    private static boolean isText(String type) {
        return switch (type) {
            case "txt", "md", "csv", "html", "htm", "eml", "rtf" -> true;
            default -> false;
        };
    }

    /** One to four blind mutations of the bytes. */
    public static byte[] mutateBytes(byte[] original, byte[] donor, Random random, int rounds) {
        byte[] bytes = original.clone();
        for (int r = 0; r < rounds; r++) {
            if (bytes.length == 0) {
                bytes = new byte[] {(byte) random.nextInt(256)};
            }
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(8)) {
                case 0 -> {
                    for (int k = 1 + random.nextInt(8); k > 0; k--) {
                        int i = random.nextInt(bytes.length);
                        bytes[i] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> bytes = insert(bytes, at, randomBytes(random, 1 + random.nextInt(64)));
                case 3 -> bytes = delete(bytes, at, 1 + random.nextInt(Math.max(1, bytes.length / 8)));
                case 4 -> {
                    int length = 1 + random.nextInt(Math.max(1, Math.min(4096, bytes.length - at)));
                    byte[] range = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + length));
                    for (int k = random.nextInt(16); k >= 0; k--) {
                        bytes = insert(bytes, at, range);
                    }
                }
                case 5 -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, at));
                case 6 -> {
                    if (donor != null && donor.length > 0) {
                        int from = random.nextInt(donor.length);
                        int length = 1 + random.nextInt(Math.min(8192, donor.length - from));
                        bytes = insert(bytes, at, java.util.Arrays.copyOfRange(donor, from, from + length));
                    }
                }
                default -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(32));
                    byte fill = INTERESTING[random.nextInt(INTERESTING.length)];
                    java.util.Arrays.fill(bytes, at, at + length, fill);
                }
            }
        }
        return bytes;
    }

    /** Markup-aware: inserts, repeats or deletes tags, entities, boundaries and control words. */
    private static byte[] mutateText(byte[] original, Random random) {
        String text = new String(original, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text);
        for (int r = 1 + random.nextInt(6); r > 0; r--) {
            int at = out.isEmpty() ? 0 : random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.insert(at, MARKUP[random.nextInt(MARKUP.length)]);
                case 1 -> out.insert(at, MARKUP[random.nextInt(MARKUP.length)].repeat(1 + random.nextInt(2000)));
                case 2 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(40)));
                default -> out.insert(at, NUMBERS[random.nextInt(NUMBERS.length)]);
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        return random.nextInt(4) == 0 ? mutateBytes(bytes, null, random, 1) : bytes;
    }

    /** Opens the package, mutates one entry (XML-aware or blind), and writes it again with valid CRCs. */
    private static byte[] mutateZipEntry(byte[] original, Random random) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                contents.add(in.readNBytes(8 << 20));
            }
        }
        if (names.isEmpty()) {
            throw new IOException("no entries");
        }
        int victim = random.nextInt(names.size());
        byte[] content = contents.get(victim);
        String name = names.get(victim).toLowerCase(Locale.ROOT);
        boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".xhtml")
                || name.endsWith(".opf") || name.endsWith(".ncx");
        int action = random.nextInt(10);
        if (action == 0) {
            names.remove(victim);
            contents.remove(victim);
        } else if (action == 1) {
            names.add(names.get(victim) + (random.nextBoolean() ? "" : "/../../evil"));
            contents.add(content);
        } else {
            contents.set(victim, xml && action < 7 ? mutateText(content, random)
                    : mutateBytes(content, null, random, 1 + random.nextInt(3)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (!seen.add(names.get(i))) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(names.get(i));
                if (names.get(i).equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(contents.get(i).length);
                    CRC32 crc = new CRC32();
                    crc.update(contents.get(i));
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(contents.get(i));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Inflates one Flate stream of a PDF, mutates it (content operators, font programs), deflates it again. */
    private static byte[] mutatePdfStream(byte[] original, Random random) throws IOException {
        String latin = new String(original, StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        Matcher m = FLATE.matcher(latin);
        while (m.find()) {
            starts.add(m.end());
        }
        if (starts.isEmpty()) {
            throw new IOException("no Flate stream");
        }
        int start = starts.get(random.nextInt(starts.size()));
        int end = latin.indexOf("endstream", start);
        if (end < 0) {
            throw new IOException("no endstream");
        }
        byte[] compressed = java.util.Arrays.copyOfRange(original, start, end);
        byte[] plain;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            plain = out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException(e);
        } finally {
            inflater.end();
        }
        byte[] mutated = random.nextBoolean() ? replaceNumbers(plain, random) : mutateBytes(plain, null, random, 2);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        Deflater deflater = new Deflater();
        deflater.setInput(mutated);
        deflater.finish();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, start);
        out.writeBytes(deflated.toByteArray());
        out.write(original, end, original.length - end);
        return out.toByteArray();
    }

    /** Replaces one to eight numbers outside streams (lengths, offsets, references, coordinates) with edge values. */
    private static byte[] replaceNumbers(byte[] original, Random random) {
        String latin = new String(original, StandardCharsets.ISO_8859_1);
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(latin);
        while (m.find() && spans.size() < 100_000) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return mutateBytes(original, null, random, 1);
        }
        StringBuilder out = new StringBuilder(latin);
        List<int[]> chosen = new ArrayList<>();
        for (int k = 1 + random.nextInt(8); k > 0; k--) {
            chosen.add(spans.get(random.nextInt(spans.size())));
        }
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        int previous = Integer.MAX_VALUE;
        for (int[] span : chosen) {
            if (span[1] > previous) {
                continue;
            }
            out.replace(span[0], span[1], NUMBERS[random.nextInt(NUMBERS.length)]);
            previous = span[0];
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
        return out;
    }

    private static byte[] delete(byte[] bytes, int at, int length) {
        int end = Math.min(bytes.length, at + length);
        byte[] out = new byte[bytes.length - (end - at)];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, end, out, at, bytes.length - end);
        return out;
    }
}
