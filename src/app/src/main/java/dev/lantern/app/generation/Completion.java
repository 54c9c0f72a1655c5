package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /v1/completions}, and each chunk of its stream ({@code text_completion}). */
@Schema(name = "Completion")
@JsonbPropertyOrder({"id", "object", "created", "model", "choices", "usage", "citations"})
public record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                         List<Citation> citations) {

    @Schema(name = "CompletionChoice")
    @JsonbPropertyOrder({"index", "text", "logprobs", "finishReason"})
    public record Choice(int index, String text, CompletionLogprobs logprobs,
                         @JsonbProperty("finish_reason") String finishReason) {
    }
}
