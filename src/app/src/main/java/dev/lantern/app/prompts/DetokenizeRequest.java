package dev.lantern.app.prompts;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /detokenize} (vLLM's shape): token ids of the model's vocabulary. */
@Schema(name = "DetokenizeRequest")
public record DetokenizeRequest(
        @Schema(description = "A model id of GET /v1/models; the default model when absent") String model,
        @NotNull List<@NotNull Integer> tokens) {
}
