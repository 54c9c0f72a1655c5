package dev.lantern.app.documents.extraction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types Lantern accepts, by extension, with the media types Tika may detect from their content.
 * Text-based types accept any {@code text/*} detection (a Markdown or CSV file is plain text to a detector);
 * binary types accept only their own, so that a PDF renamed {@code .docx} (or a program renamed {@code .txt})
 * is refused rather than parsed as something it is not.
 */
public enum FileType {
    PDF(false, true, "application/pdf"),
    DOCX(true, false, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    DOC(false, false, "application/msword"),
    ODT(true, false, "application/vnd.oasis.opendocument.text"),
    RTF(false, false, "application/rtf"),
    XLSX(true, false, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PPTX(true, false, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    MSG(false, false, "application/vnd.ms-outlook"),
    EPUB(true, false, "application/epub+zip"),
    EML(false, false, "message/rfc822", "text/*"),
    HTML(false, false, "text/html", "application/xhtml+xml", "application/xml", "text/*"),
    HTM(false, false, "text/html", "application/xhtml+xml", "application/xml", "text/*"),
    MD(false, false, "text/*"),
    CSV(false, false, "text/*"),
    TXT(false, false, "text/*");

    private final boolean zipContainer;
    private final boolean paged;
    private final Set<String> detectable;

    FileType(boolean zipContainer, boolean paged, String... detectable) {
        this.zipContainer = zipContainer;
        this.paged = paged;
        this.detectable = Set.of(detectable);
    }

    /** The type for a file name's extension, if Lantern accepts it. */
    public static Optional<FileType> ofFilename(String filename) {
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return Optional.empty();
        }
        String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extension().equals(extension)).findFirst();
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A ZIP package (OOXML, OpenDocument, EPUB): its entries are checked before any parser sees them. */
    public boolean zipContainer() {
        return zipContainer;
    }

    /** The format has pages (PDF): each chunk records the page it starts on. */
    public boolean paged() {
        return paged;
    }

    /** Whether a media type detected from the content agrees with this extension. */
    public boolean agreesWith(String detectedMediaType) {
        String base = detectedMediaType.toLowerCase(Locale.ROOT);
        if (detectable.contains(base)) {
            return true;
        }
        int slash = base.indexOf('/');
        return slash > 0 && detectable.contains(base.substring(0, slash) + "/*");
    }

    /** Every accepted extension, for messages and the OpenAPI description. */
    public static String extensions() {
        return String.join(", ", Arrays.stream(values()).map(FileType::extension).toList());
    }
}
