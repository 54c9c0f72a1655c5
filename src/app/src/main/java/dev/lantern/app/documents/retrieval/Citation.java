package dev.lantern.app.documents.retrieval;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A passage the grounded prompt numbered {@code index} ({@code [index]} in the answer), and its origin. */
@JsonbPropertyOrder({"index", "document_id", "filename", "chunk_index", "score", "text"})
public record Citation(
        @JsonbProperty("index") int index,
        @JsonbProperty("document_id") String documentId,
        @JsonbProperty("filename") String filename,
        @JsonbProperty("chunk_index") int chunkIndex,
        @JsonbProperty("score") double score,
        @JsonbProperty("text") String text) {

    static Citation of(int index, Passage p) {
        return new Citation(index, p.documentId(), p.filename(), p.chunkIndex(), p.score(), p.text());
    }
}
