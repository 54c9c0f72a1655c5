package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /v1/chat/completions} (OpenAI's {@code chat.completion} object). */
@Schema(name = "ChatCompletion")
@JsonbPropertyOrder({"id", "object", "created", "model", "choices", "usage", "citations"})
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage, List<Citation> citations) {

    @Schema(name = "ChatCompletionChoice")
    @JsonbPropertyOrder({"index", "message", "logprobs", "finishReason"})
    public record Choice(int index, Message message, ChatLogprobs logprobs,
                         @JsonbProperty("finish_reason") String finishReason) {
    }

    @Schema(name = "ChatCompletionMessage")
    @JsonbPropertyOrder({"role", "content"})
    public record Message(String role, String content) {
    }
}
