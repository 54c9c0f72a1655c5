package dev.lantern.app.documents;

import dev.lantern.app.documents.extraction.FileType;
import java.nio.file.Path;

/** An upload spooled to disk and checked: its name, type, detected media type, digest and size. */
public record UploadedFile(String filename, FileType type, String mediaType, String sha256, long size, Path path) {
}
