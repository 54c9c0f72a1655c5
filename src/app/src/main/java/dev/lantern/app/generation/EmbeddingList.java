package dev.lantern.app.generation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /v1/embeddings}: one unit-length vector per input, in input order. */
@Schema(name = "EmbeddingList")
@JsonbPropertyOrder({"object", "data", "model", "usage"})
public record EmbeddingList(String object, List<Embedding> data, String model, Usage usage) {

    /** {@code embedding} is an array of floats, or with {@code encoding_format: base64} little-endian float32s. */
    @Schema(name = "Embedding")
    @JsonbPropertyOrder({"object", "index", "embedding"})
    public record Embedding(String object, int index,
                            @Schema(oneOf = {Float[].class, String.class}) Object embedding) {
    }
}
