package dev.lantern.app.prompts;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** vLLM's answer to {@code /tokenize}; {@code token_strs} only when asked for. */
@Schema(name = "TokenizeResponse")
public record TokenizeResponse(
        int count,
        @JsonbProperty("max_model_len") @Schema(description = "The model's context, in tokens") int maxModelLen,
        int[] tokens,
        @JsonbProperty("token_strs") @Schema(description = "Each token's string in the vocabulary, when "
                + "return_token_strs was true") List<String> tokenStrs) {
}
