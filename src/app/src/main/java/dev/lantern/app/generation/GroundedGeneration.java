package dev.lantern.app.generation;

import dev.lantern.app.documents.Viewer;
import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.documents.retrieval.GroundedPrompt;
import dev.lantern.app.documents.retrieval.RagOptions;
import dev.lantern.app.documents.retrieval.RetrievalService;
import dev.lantern.app.identity.Caller;
import dev.lantern.engine.ChatMessage;
import dev.lantern.engine.LanguageModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Grounded generation ({@code "rag": {"enabled": true}}): the question (the last user turn, or the completion
 * prompt) retrieves passages from the caller's documents, which become a numbered, untrusted context in the
 * system turn ({@link GroundedPrompt}). Passages are dropped from the lowest-ranked up until the prompt leaves
 * room for the answer in the model's context; the citations are those that stayed.
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

    public Grounded chat(LanguageModel model, List<ChatMessageBody> messages, RagOptions rag, Integer maxTokens) {
        List<ChatMessage> turns = new ArrayList<>();
        for (ChatMessageBody m : messages) {
            if (m.text() == null) {
                throw Prompts.invalid("messages", "messages: content must be a string or an array of text parts");
            }
            turns.add(m.toEngine());
        }
        String question = null;
        for (ChatMessage turn : turns) {
            if ("user".equals(turn.role())) {
                question = turn.content();
            }
        }
        if (question == null || question.isBlank()) {
            throw Prompts.invalid("messages", "messages: rag needs a user message to search with");
        }
        String system = !turns.isEmpty() && "system".equals(turns.get(0).role()) ? turns.remove(0).content() : null;
        return fit(model, question, rag, maxTokens, system, turns);
    }

    public Grounded completion(LanguageModel model, jakarta.json.JsonValue prompt, RagOptions rag, Integer maxTokens) {
        if (!(prompt instanceof jakarta.json.JsonString text) || text.getString().isBlank()) {
            throw Prompts.invalid("prompt", "prompt: rag needs the prompt as one non-empty string");
        }
        List<ChatMessage> turns = new ArrayList<>(List.of(new ChatMessage("user", text.getString())));
        return fit(model, text.getString(), rag, maxTokens, null, turns);
    }

    private Grounded fit(LanguageModel model, String question, RagOptions rag, Integer maxTokens, String system,
            List<ChatMessage> turns) {
        GroundedPrompt grounded = new GroundedPrompt(retrieval.retrieve(Viewer.of(caller), question,
                rag.topKOrDefault(), rag.documentIds()));
        int context = model.config().contextLength();
        int room = Math.min(maxTokens == null ? DEFAULT_ANSWER_ROOM : maxTokens, context / 2);
        int[] ids = null;
        for (int count = grounded.size(); count >= 0; count--) {
            List<ChatMessage> all = new ArrayList<>();
            all.add(new ChatMessage("system", grounded.system(system, count)));
            all.addAll(turns);
            ids = model.encode(model.renderChat(all, true));
            if (ids.length + room <= context || count == 0) {
                return new Grounded(ids, grounded.citations(count));
            }
        }
        return new Grounded(ids, List.of());
    }
}
