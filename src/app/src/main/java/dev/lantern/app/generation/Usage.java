package dev.lantern.app.generation;

import dev.lantern.engine.GenerationResult;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Token counts of a response, as OpenAI reports them. */
@Schema(name = "Usage")
@JsonbPropertyOrder({"promptTokens", "completionTokens", "totalTokens"})
public record Usage(@JsonbProperty("prompt_tokens") int promptTokens,
                    @JsonbProperty("completion_tokens") int completionTokens,
                    @JsonbProperty("total_tokens") int totalTokens) {

    static Usage of(int promptTokens, List<GenerationResult> results) {
        int completion = results.stream().mapToInt(GenerationResult::completionTokens).sum();
        return new Usage(promptTokens, completion, promptTokens + completion);
    }
}
