package dev.lantern.app.documents;

import dev.lantern.app.documents.retrieval.Passage;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The answer to a search: passages, best first. */
public record SearchResponse(@JsonbProperty("results") List<Result> results) {

    /** One passage with where it came from; {@code score} is the fused (reciprocal rank) score. */
    public record Result(
            @JsonbProperty("document_id") String documentId,
            @JsonbProperty("filename") String filename,
            @JsonbProperty("chunk_index") int chunkIndex,
            @JsonbProperty("score") double score,
            @JsonbProperty("text") String text,
            @JsonbProperty("page") Integer page,
            @JsonbProperty("section") String section) {
    }

    static SearchResponse of(List<Passage> passages) {
        return new SearchResponse(passages.stream().map(p -> new Result(p.documentId(), p.filename(),
                p.chunkIndex(), p.score(), p.text(), p.page(), p.section())).toList());
    }
}
