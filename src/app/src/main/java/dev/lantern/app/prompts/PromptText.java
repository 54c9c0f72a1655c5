package dev.lantern.app.prompts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prompt as text: {@code /detokenize}'s answer (vLLM's) and {@code /apply-template}'s (llama.cpp's). */
@Schema(name = "PromptText")
public record PromptText(String prompt) {
}
