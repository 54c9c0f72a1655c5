package dev.lantern.app.documents;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /v1/documents/search}: a query, how many results, optionally which documents. */
public record SearchRequest(
        @JsonbProperty("query") @NotBlank @Size(max = 4000) String query,
        @JsonbProperty("top_k") @Min(1) @Max(50) Integer topK,
        @JsonbProperty("document_ids") @Size(max = 100) List<String> documentIds) {

    public static final int DEFAULT_TOP_K = 5;

    public int topKOrDefault() {
        return topK == null ? DEFAULT_TOP_K : topK;
    }
}
