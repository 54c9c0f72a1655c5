package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One server-sent event of a streamed chat completion ({@code chat.completion.chunk}). */
@Schema(name = "ChatCompletionChunk")
@JsonbPropertyOrder({"id", "object", "created", "model", "choices", "usage", "citations"})
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                                  Usage usage, List<Citation> citations) {

    @Schema(name = "ChatCompletionChunkChoice")
    @JsonbPropertyOrder({"index", "delta", "logprobs", "finishReason"})
    public record Choice(int index, Delta delta, ChatLogprobs logprobs,
                         @JsonbProperty("finish_reason") String finishReason) {
    }

    /** The new text of a choice; {@code role} only in its first chunk. */
    @Schema(name = "ChatCompletionDelta")
    @JsonbPropertyOrder({"role", "content"})
    public record Delta(String role, String content) {
    }
}
