package dev.lantern.app.documents.retrieval;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code rag} field of chat and completion requests: answer from the caller's documents.
 *
 * @param enabled     retrieve and ground the answer; absent or false leaves the request as it is
 * @param topK        passages to retrieve (default 4)
 * @param documentIds only these documents (still only those the caller may see)
 */
@Schema(name = "RagOptions", description = "Grounded generation: retrieve passages from the caller's documents, "
        + "answer from them and return citations")
public record RagOptions(
        @JsonbProperty("enabled") Boolean enabled,
        @JsonbProperty("top_k") @Min(1) @Max(20) Integer topK,
        @JsonbProperty("document_ids") @Size(max = 100) List<String> documentIds) {

    public static final int DEFAULT_TOP_K = 4;

    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    public int topKOrDefault() {
        return topK == null ? DEFAULT_TOP_K : topK;
    }
}
