package dev.lantern.app.documents;

import jakarta.json.bind.annotation.JsonbProperty;

/** A document as the API shows it: metadata, processing status and progress, and the error if it failed. */
public record DocumentView(
        @JsonbProperty("id") String id,
        @JsonbProperty("filename") String filename,
        @JsonbProperty("file_type") String fileType,
        @JsonbProperty("media_type") String mediaType,
        @JsonbProperty("size_bytes") long sizeBytes,
        @JsonbProperty("content_hash") String contentHash,
        @JsonbProperty("owner") String owner,
        @JsonbProperty("shared") boolean shared,
        @JsonbProperty("status") String status,
        @JsonbProperty("progress") int progress,
        @JsonbProperty("chunks") int chunks,
        @JsonbProperty("characters") long characters,
        @JsonbProperty("uploaded_at") String uploadedAt,
        @JsonbProperty("updated_at") String updatedAt,
        @JsonbProperty("error") Failure error) {

    /** Why processing failed: a catalogue code and a message for people. */
    public record Failure(@JsonbProperty("code") String code, @JsonbProperty("message") String message) {
    }

    public static DocumentView of(Document d) {
        Failure failure = d.status() == DocumentStatus.FAILED ? new Failure(d.errorCode(), d.errorMessage()) : null;
        return new DocumentView(d.id(), d.filename(), d.fileType(), d.mediaType(), d.sizeBytes(), d.contentHash(),
                d.ownerId(), d.shared(), d.status().label(), d.progress(), d.chunkTotal(), d.extractedChars(),
                d.uploadedAt().toInstant().toString(), d.updatedAt().toInstant().toString(), failure);
    }
}
