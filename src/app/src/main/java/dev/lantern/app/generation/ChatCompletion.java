package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import jakarta.json.bind.annotation.JsonbNillable;
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

    /** The answer: its text ({@code content}, null when it only calls tools) and the calls it made, if any. */
    @Schema(name = "ChatCompletionMessage")
    @JsonbPropertyOrder({"role", "content", "toolCalls"})
    public record Message(String role,
                          @JsonbNillable @Schema(nullable = true, description = "null when the answer only calls tools")
                          String content,
                          @JsonbProperty("tool_calls") List<ToolCall> toolCalls) {
    }

    /** A call of an offered function. */
    @Schema(name = "ChatCompletionToolCall")
    @JsonbPropertyOrder({"id", "type", "function"})
    public record ToolCall(String id, @Schema(enumeration = "function") String type, Function function) {
    }

    /** The function called, and its arguments as JSON text. */
    @Schema(name = "ChatCompletionFunctionCall")
    @JsonbPropertyOrder({"name", "arguments"})
    public record Function(String name,
                           @Schema(description = "The arguments as JSON text, valid against the function's parameters")
                           String arguments) {
    }
}
