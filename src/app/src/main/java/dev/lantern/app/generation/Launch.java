package dev.lantern.app.generation;

import dev.lantern.app.identity.CallerIdentity;
import dev.lantern.app.models.ServedModel;
import java.time.Instant;
import java.util.List;

/**
 * What to generate, taken from the request on its own thread, so that the generation can start and go on on
 * other threads (the request scope is gone by then).
 *
 * @param param    the request field named when the prompt does not fit ("messages", "prompt", "text")
 * @param steering the request's constraint and logit_bias, bound to the model
 * @param listener receives every choice's tokens on the scheduler's thread ({@link ChoiceListener#NONE} for none)
 * @param prefixScope the engine's prefix-cache scope of these prompts ({@link PrefixScope})
 */
public record Launch(ServedModel model, List<int[]> prompts, SamplingFields fields, Steering steering,
                     boolean streaming, String param, CallerIdentity caller, Instant deadline,
                     ChoiceListener listener, String prefixScope) {

    int choicesPerPrompt() {
        return fields.n() == null ? 1 : fields.n();
    }

    /** Prompt tokens plus the most each choice may generate (max_tokens, else the model's default). */
    long budget() {
        int context = model.model().config().contextLength();
        int asked = fields.maxTokens() != null ? fields.maxTokens()
                : model.model().config().defaults().maxNewTokens();
        long total = 0;
        for (int[] prompt : prompts) {
            total += prompt.length + (long) choicesPerPrompt() * Math.max(0, Math.min(asked, context - prompt.length));
        }
        return total;
    }

    Launch listening(ChoiceListener to) {
        return new Launch(model, prompts, fields, steering, streaming, param, caller, deadline, to, prefixScope);
    }
}
