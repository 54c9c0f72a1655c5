package dev.lantern.app.prompts;

import static dev.lantern.app.errors.LanternException.invalid;

import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.models.ModelRegistry;
import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.tokenizer.TokenizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The prompt endpoints' work: what a model would see for a prompt or a chat, as text or as tokens, and the text
 * of token ids. Nothing is generated, so nothing waits for a model's scheduler.
 */
@ApplicationScoped
@TranslateErrors
public class PromptService {

    @Inject
    ModelRegistry registry;

    @Inject
    ChatPrompts prompts;

    /** vLLM's {@code /tokenize}: a prompt as a completion is tokenized, or a chat as its template renders it. */
    public TokenizeResponse tokenize(TokenizeRequest request) {
        if ((request.prompt() == null) == (request.messages() == null)) {
            throw invalid(request.prompt() == null ? "prompt" : "messages",
                    "Give either prompt (a text) or messages (a chat), not both and not neither.");
        }
        ChatPrompt chat = request.messages() == null ? null : prompts.of(request);
        ServedModel model = registry.ready(request.model());
        TokenizedText tokens = chat == null
                ? model.model().tokenize(request.prompt(), !Boolean.FALSE.equals(request.addSpecialTokens()))
                : model.model().tokenize(chat.render(model), Boolean.TRUE.equals(request.addSpecialTokens()));
        int[] ids = tokens.ids();
        return new TokenizeResponse(ids.length, model.model().config().contextLength(), ids,
                Boolean.TRUE.equals(request.returnTokenStrs()) ? tokens.strings() : null);
    }

    /** vLLM's {@code /detokenize}: special tokens are written out, so a tokenized chat reads as it was rendered. */
    public PromptText detokenize(DetokenizeRequest request) {
        ServedModel model = registry.ready(request.model());
        int vocab = model.model().config().vocabSize();
        List<Integer> tokens = request.tokens();
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            if (tokens.get(i) < 0 || tokens.get(i) >= vocab) {
                throw invalid("tokens[" + i + "]", "tokens[" + i + "]: token ids run from 0 to " + (vocab - 1) + ".");
            }
            ids[i] = tokens.get(i);
        }
        return new PromptText(model.model().decode(ids, false));
    }

    /** llama.cpp's {@code /apply-template}: the chat as the model's template renders it. */
    public PromptText applyTemplate(ApplyTemplateRequest request) {
        ChatPrompt chat = prompts.of(request);
        return new PromptText(chat.render(registry.ready(request.model())));
    }
}
