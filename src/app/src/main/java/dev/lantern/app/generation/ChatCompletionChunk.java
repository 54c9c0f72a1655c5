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

    /** The new text or call fragments of a choice; {@code role} only in its first chunk. */
    @Schema(name = "ChatCompletionDelta")
    @JsonbPropertyOrder({"role", "content", "toolCalls"})
    public record Delta(String role, String content, @JsonbProperty("tool_calls") List<ToolCallDelta> toolCalls) {

        Delta(String role, String content) {
            this(role, content, null);
        }
    }

    /**
     * A fragment of a call: its first one carries {@code id}, {@code type} and the function's {@code name} (with
     * empty arguments), later ones only more {@code arguments} text, which concatenates to the whole call's.
     */
    @Schema(name = "ChatCompletionToolCallDelta")
    @JsonbPropertyOrder({"index", "id", "type", "function"})
    public record ToolCallDelta(int index, String id, String type, FunctionDelta function) {
    }

    /** The name (first fragment only) and the next piece of the arguments. */
    @Schema(name = "ChatCompletionFunctionDelta")
    @JsonbPropertyOrder({"name", "arguments"})
    public record FunctionDelta(String name, String arguments) {
    }
}
