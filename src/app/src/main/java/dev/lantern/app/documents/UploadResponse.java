package dev.lantern.app.documents;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The answer to an upload: the tutorial's {@code message} and {@code document_ids}, and the documents. */
public record UploadResponse(
        @JsonbProperty("message") String message,
        @JsonbProperty("document_ids") List<String> documentIds,
        @JsonbProperty("documents") List<DocumentView> documents) {

    static UploadResponse of(IngestionService.Outcome outcome) {
        Document d = outcome.document();
        String message = outcome.duplicate() ? "This file was already uploaded: " + d.filename() + "."
                : switch (d.status()) {
                    case READY -> "Uploaded " + d.filename() + ": " + d.chunkTotal() + " chunks ready for search.";
                    case PROCESSING -> "Uploaded " + d.filename() + ": processing in the background; follow "
                            + "GET /v1/documents/" + d.id() + ".";
                    case FAILED -> "Processing " + d.filename() + " failed.";
                };
        return new UploadResponse(message, List.of(d.id()), List.of(DocumentView.of(d)));
    }
}
