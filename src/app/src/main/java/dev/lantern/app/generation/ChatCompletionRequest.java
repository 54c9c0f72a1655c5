package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.RagOptions;
import dev.lantern.app.prompts.ChatMessageBody;
import dev.lantern.app.prompts.ChatPromptFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/chat/completions}, as OpenAI's clients send it, with the common extensions (vLLM's names),
 * among them what the chat template reads ({@link ChatPromptFields}). Only JSON-B creates it: new fields (e.g.
 * {@code rag}) can be added as components without touching callers.
 */
@Schema(name = "ChatCompletionRequest")
public record ChatCompletionRequest(
        @Schema(description = "A model id of GET /v1/models; the default model when absent") String model,
        @NotEmpty @Size(max = 256) List<@NotNull @Valid ChatMessageBody> messages,
        Boolean stream,
        @JsonbProperty("stream_options") @Valid StreamOptions streamOptions,
        @DecimalMin("0") @DecimalMax("2") Double temperature,
        @JsonbProperty("top_p") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double topP,
        @JsonbProperty("max_tokens") @Min(1) Integer maxTokens,
        @JsonbProperty("max_completion_tokens") @Min(1) Integer maxCompletionTokens,
        @Schema(description = "A string or an array of up to 16 strings", oneOf = {String.class, String[].class})
        JsonValue stop,
        Long seed,
        @Min(1) @Max(16) Integer n,
        Boolean logprobs,
        @JsonbProperty("top_logprobs") @Min(0) @Max(20) Integer topLogprobs,
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
        @Schema(description = ChatPromptFields.TOOLS) @Size(max = 128) List<JsonObject> tools,
        @JsonbProperty("tool_choice") @Schema(description = RequestDescriptions.TOOL_CHOICE,
                oneOf = {String.class, Object.class}) JsonValue toolChoice,
        @JsonbProperty("parallel_tool_calls") @Schema(description = RequestDescriptions.PARALLEL_TOOL_CALLS)
        Boolean parallelToolCalls,
        @JsonbProperty("response_format") @Schema(description = RequestDescriptions.RESPONSE_FORMAT)
        JsonObject responseFormat,
        @JsonbProperty("logit_bias") @Schema(description = RequestDescriptions.LOGIT_BIAS) JsonObject logitBias,
        @JsonbProperty("chat_template") @Size(max = 65536) @Schema(description = ChatPromptFields.CHAT_TEMPLATE)
        String chatTemplate,
        @JsonbProperty("chat_template_kwargs") @Schema(description = ChatPromptFields.CHAT_TEMPLATE_KWARGS)
        JsonObject chatTemplateKwargs,
        @JsonbProperty("add_generation_prompt") @Schema(description = ChatPromptFields.ADD_GENERATION_PROMPT)
        Boolean addGenerationPrompt,
        @JsonbProperty("continue_final_message") @Schema(description = ChatPromptFields.CONTINUE_FINAL_MESSAGE)
        Boolean continueFinalMessage)
        implements SamplingFields, OpenAiRequest, ChatPromptFields {

    @Override
    public Integer maxTokens() {
        return maxTokens != null ? maxTokens : maxCompletionTokens;
    }

    @Override
    public Integer logprobAlternatives() {
        return Boolean.TRUE.equals(logprobs) ? (topLogprobs == null ? 0 : topLogprobs) : null;
    }
}
