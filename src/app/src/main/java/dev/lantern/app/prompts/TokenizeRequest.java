package dev.lantern.app.prompts;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /tokenize} in vLLM's two shapes: a {@code prompt} (text, as a completion prompt is tokenized), or
 * {@code messages} with the chat template's fields (the chat as its template renders it, as a chat is tokenized).
 */
@Schema(name = "TokenizeRequest", description = "Either prompt or messages (with the chat template's fields)")
public record TokenizeRequest(
        @Schema(description = "A model id of GET /v1/models; the default model when absent") String model,
        @Schema(description = "A text, tokenized as a completion prompt") String prompt,
        @JsonbProperty("add_special_tokens") @Schema(description = "Add the tokenizer's special tokens (BOS, ...): "
                + "default true for a prompt, false for messages (the template writes them)") Boolean addSpecialTokens,
        @Size(max = 256) List<@NotNull @Valid ChatMessageBody> messages,
        @Schema(description = ChatPromptFields.TOOLS) @Size(max = 128) List<JsonObject> tools,
        @JsonbProperty("add_generation_prompt") @Schema(description = ChatPromptFields.ADD_GENERATION_PROMPT)
        Boolean addGenerationPrompt,
        @JsonbProperty("continue_final_message") @Schema(description = ChatPromptFields.CONTINUE_FINAL_MESSAGE)
        Boolean continueFinalMessage,
        @JsonbProperty("chat_template") @Size(max = 65536) @Schema(description = ChatPromptFields.CHAT_TEMPLATE)
        String chatTemplate,
        @JsonbProperty("chat_template_kwargs") @Schema(description = ChatPromptFields.CHAT_TEMPLATE_KWARGS)
        JsonObject chatTemplateKwargs,
        @JsonbProperty("return_token_strs") @Schema(description = "Also answer each token's string in the "
                + "vocabulary (token_strs)") Boolean returnTokenStrs) implements ChatPromptFields {
}
