package dev.lantern.app.generation;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tutorial's {@code POST /generate}: {@code text} is answered as one user turn of a chat, with the same
 * optional sampling fields as the OpenAI routes. Only JSON-B creates it.
 */
@Schema(name = "GenerateRequest")
public record GenerateRequest(
        @NotBlank @Size(max = 100_000) String text,
        String model,
        @DecimalMin("0") @DecimalMax("2") Double temperature,
        @JsonbProperty("top_p") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double topP,
        @JsonbProperty("max_tokens") @Min(1) Integer maxTokens,
        @Schema(description = "A string or an array of up to 16 strings", oneOf = {String.class, String[].class})
        JsonValue stop,
        Long seed,
        @JsonbProperty("frequency_penalty") @DecimalMin("-2") @DecimalMax("2") Double frequencyPenalty,
        @JsonbProperty("presence_penalty") @DecimalMin("-2") @DecimalMax("2") Double presencePenalty,
        @JsonbProperty("top_k") @Min(0) Integer topK,
        @JsonbProperty("min_p") @DecimalMin("0") @DecimalMax("1") Double minP,
        @JsonbProperty("repetition_penalty") @DecimalMin(value = "0", inclusive = false) @DecimalMax("10")
        Double repetitionPenalty,
        @JsonbProperty("num_beams") @Min(1) @Max(8) Integer numBeams,
        @JsonbProperty("use_beam_search") Boolean useBeamSearch,
        @JsonbProperty("length_penalty") @DecimalMin("-10") @DecimalMax("10") Double lengthPenalty,
        @JsonbProperty("early_stopping") Boolean earlyStopping,
        @JsonbProperty("ignore_eos") Boolean ignoreEos,
        @JsonbProperty("min_tokens") @Min(0) Integer minTokens) implements SamplingFields {

    @Override
    public Integer n() {
        return 1;
    }

    @Override
    public Integer logprobAlternatives() {
        return null;
    }
}
