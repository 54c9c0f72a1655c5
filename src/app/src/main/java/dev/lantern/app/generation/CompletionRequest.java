package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.RagOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/completions} (OpenAI's legacy text completion), with the common extensions. {@code prompt} is
 * a string, an array of strings, an array of token ids or an array of such arrays. Only JSON-B creates it.
 */
@Schema(name = "CompletionRequest")
public record CompletionRequest(
        @Schema(description = "A model id of GET /v1/models; the default model when absent") String model,
        @NotNull @Schema(description = "A string, an array of strings, an array of token ids, or an array of those",
                oneOf = {String.class, String[].class, Integer[].class}) JsonValue prompt,
        Boolean stream,
        @JsonbProperty("stream_options") @Valid StreamOptions streamOptions,
        Boolean echo,
        @DecimalMin("0") @DecimalMax("2") Double temperature,
        @JsonbProperty("top_p") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double topP,
        @JsonbProperty("max_tokens") @Min(1) Integer maxTokens,
        @Schema(description = "A string or an array of up to 16 strings", oneOf = {String.class, String[].class})
        JsonValue stop,
        Long seed,
        @Min(1) @Max(16) Integer n,
        @Min(0) @Max(20) Integer logprobs,
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
        @JsonbProperty("min_tokens") @Min(0) Integer minTokens,
        String user,
        @Valid RagOptions rag,
        @JsonbProperty("response_format") @Schema(description = RequestDescriptions.RESPONSE_FORMAT)
        JsonObject responseFormat,
        @JsonbProperty("logit_bias") @Schema(description = RequestDescriptions.LOGIT_BIAS) JsonObject logitBias)
        implements SamplingFields, OpenAiRequest {

    @Override
    public Integer logprobAlternatives() {
        return logprobs;
    }
}
