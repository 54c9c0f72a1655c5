package dev.lantern.app.generation;

import static dev.lantern.app.errors.LanternException.invalid;

import dev.lantern.app.documents.Viewer;
import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.documents.retrieval.GroundedPrompt;
import dev.lantern.app.documents.retrieval.RagOptions;
import dev.lantern.app.documents.retrieval.RetrievalService;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.models.ServedModel;
import dev.lantern.app.prompts.ChatPrompt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Grounded generation ({@code "rag": {"enabled": true}}): the question (the last user turn, or the completion
 * prompt) retrieves passages from the caller's documents, which become a numbered, untrusted context in the
 * system turn ({@link GroundedPrompt}), neutralised against the model's own control tokens. Passages are dropped
 * from the lowest-ranked up until the prompt leaves room for the answer in the model's context; the citations are
 * those that stayed.
 */
@ApplicationScoped
public class GroundedGeneration {

    /** Tokens kept free for the answer when the request sets no {@code max_tokens}. */
    static final int DEFAULT_ANSWER_ROOM = 256;

    /** The prompt's token ids and the passages it cites. */
    public record Grounded(int[] prompt, List<Citation> citations) {
    }

    @Inject
    RetrievalService retrieval;

    @Inject
    Caller caller;

    public Grounded chat(ServedModel model, ChatPrompt chat, RagOptions rag, Integer maxTokens) {
        String question = chat.question();
        if (question == null || question.isBlank()) {
            throw invalid("messages", "messages: rag needs a user message to search with");
        }
        return fit(model, question, rag, maxTokens, chat, "messages");
    }

    public Grounded completion(ServedModel model, JsonValue prompt, RagOptions rag, Integer maxTokens) {
        if (!(prompt instanceof JsonString text) || text.getString().isBlank()) {
            throw invalid("prompt", "prompt: rag needs the prompt as one non-empty string");
        }
        return fit(model, text.getString(), rag, maxTokens, ChatPrompt.userTurn(text.getString()), "prompt");
    }

    private Grounded fit(ServedModel model, String question, RagOptions rag, Integer maxTokens, ChatPrompt chat,
            String param) {
        GroundedPrompt grounded = new GroundedPrompt(retrieval.retrieve(Viewer.of(caller), question,
                rag.topKOrDefault(), rag.documentIds()), model.model()::neutralize);
        int context = model.model().config().contextLength();
        int room = Math.min(maxTokens == null ? DEFAULT_ANSWER_ROOM : maxTokens, context / 2);
        int[] ids = null;
        for (int count = grounded.size(); count >= 0; count--) {
            int passages = count;
            ids = chat.withSystem(callers -> grounded.system(callers, passages)).encode(model, param);
            if (ids.length + room <= context || count == 0) {
                return new Grounded(ids, grounded.citations(count));
            }
        }
        return new Grounded(ids, List.of());
    }
}
