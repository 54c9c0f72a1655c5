package dev.lantern.app.structured;

import dev.lantern.engine.constraint.Grammar;
import dev.lantern.engine.constraint.TokenVocabulary;
import java.util.function.Function;

/**
 * What a request asks of its answer's shape, before it meets a model's vocabulary: the grammar its tokens must
 * follow (null: free text), the text that tells it apart in cache keys and in {@link Constraints}, the request
 * field a schema problem is reported under, and the style its tool calls are read back in (null: the answer is
 * content only).
 *
 * @param key      empty for free text; else everything that fixes the grammar (the schema, the tools, the choice)
 * @param grammar  builds the grammar for a vocabulary (the tool-call formats may depend on its special tokens)
 * @param param    the prefix of a refused keyword's path ({@code response_format.json_schema.schema}); empty when
 *                 the engine's path already starts at the request's root ({@code tools[i].function.parameters})
 * @param toolCalls how the answer's calls are written, or null when calls are not read
 */
public record OutputStructure(String key, Function<TokenVocabulary, Grammar> grammar, String param,
                              ToolCallStyle toolCalls) {

    /** Free text: no constraint, no calls read. */
    public static final OutputStructure FREE = new OutputStructure("", null, "", null);

    public boolean constrained() {
        return grammar != null;
    }
}
