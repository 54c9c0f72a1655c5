package dev.lantern.app.generation;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/embeddings}: {@code input} is a string or an array of up to 2048 strings. */
@Schema(name = "EmbeddingRequest")
public record EmbeddingRequest(
        @NotNull @Schema(description = "A string or an array of strings", oneOf = {String.class, String[].class})
        JsonValue input,
        @Schema(description = "all-minilm-l6-v2 (the default)") String model,
        @JsonbProperty("encoding_format") @Pattern(regexp = "float|base64")
        @Schema(enumeration = {"float", "base64"}) String encodingFormat,
        String user) {

    public boolean base64() {
        return "base64".equals(encodingFormat);
    }
}
