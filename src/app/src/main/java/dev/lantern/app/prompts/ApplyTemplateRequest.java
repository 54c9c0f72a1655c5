package dev.lantern.app.prompts;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /apply-template} (llama.cpp's name): a chat completion's body, of which the chat template's fields
 * are read; the others (sampling, stream, ...) are ignored, so the same body can be sent to both.
 */
@Schema(name = "ApplyTemplateRequest", description = "A chat completion request; only the template's fields are read")
public record ApplyTemplateRequest(
        @Schema(description = "A model id of GET /v1/models; the default model when absent") String model,
        @NotEmpty @Size(max = 256) List<@NotNull @Valid ChatMessageBody> messages,
        @Schema(description = ChatPromptFields.TOOLS) @Size(max = 128) List<JsonObject> tools,
        @JsonbProperty("add_generation_prompt") @Schema(description = ChatPromptFields.ADD_GENERATION_PROMPT)
        Boolean addGenerationPrompt,
        @JsonbProperty("continue_final_message") @Schema(description = ChatPromptFields.CONTINUE_FINAL_MESSAGE)
        Boolean continueFinalMessage,
        @JsonbProperty("chat_template") @Size(max = 65536) @Schema(description = ChatPromptFields.CHAT_TEMPLATE)
        String chatTemplate,
        @JsonbProperty("chat_template_kwargs") @Schema(description = ChatPromptFields.CHAT_TEMPLATE_KWARGS)
        JsonObject chatTemplateKwargs) implements ChatPromptFields {
}
