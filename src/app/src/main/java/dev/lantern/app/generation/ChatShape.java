package dev.lantern.app.generation;

import static dev.lantern.app.errors.LanternException.invalid;

import dev.lantern.app.models.ServedModel;
import dev.lantern.app.prompts.ChatPrompt;
import dev.lantern.app.prompts.ChatPrompts;
import dev.lantern.engine.GenerationResult;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/chat/completions}: the whole messages, tools and template options through the model's chat
 * template ({@link ChatPrompt}); chat completion objects. Tools are rendered for the model to read, never called
 * here: an answer is always text, so a {@code tool_choice} that demands a call is refused rather than ignored.
 */
record ChatShape(ChatCompletionRequest request, ChatPrompt chat) implements EndpointShape<ChatCompletion> {

    /** @throws dev.lantern.app.errors.LanternException 400 for what the request asks that cannot be given */
    static ChatShape of(ChatCompletionRequest request, ChatPrompts prompts) {
        JsonValue choice = request.toolChoice();
        if (choice != null && choice.getValueType() != JsonValue.ValueType.NULL
                && !(choice instanceof JsonString s && (s.getString().equals("none") || s.getString().equals("auto")))) {
            throw invalid("tool_choice", "tool_choice: only \"none\" or \"auto\": Lantern does not call tools yet, the "
                    + "model's answer is its text (tools are shown to the model through its chat template).");
        }
        return new ChatShape(request, prompts.of(request));
    }

    @Override
    public SamplingFields fields() {
        return request;
    }

    @Override
    public String promptParam() {
        return "messages";
    }

    @Override
    public Prompted prompt(ServedModel model, GroundedGeneration grounding) {
        if (request.grounded()) {
            GroundedGeneration.Grounded grounded = grounding.chat(model, chat, request.rag(), request.maxTokens());
            return new Prompted(List.of(grounded.prompt()), grounded.citations());
        }
        return Prompted.of(chat.encode(model, "messages"));
    }

    @Override
    public String templateIdentity(ServedModel model) {
        return chat.templateIdentity(model);
    }

    @Override
    public String cacheDeterminants() {
        return "rag=" + request.grounded() + "|" + chat.determinants();
    }

    @Override
    public String semanticText() {
        // a grounded answer is only reused for the same passages (in the prompt), never for a similar question;
        // nor is one about tools, whose calls and results similar text does not capture
        return request.grounded() || chat.involvesTools() ? null : request.messages().stream()
                .map(m -> m.role() + ": " + m.text()).collect(Collectors.joining("\n"));
    }

    @Override
    public ChatCompletion whole(Answer answer) {
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < answer.results().size(); i++) {
            GenerationResult r = answer.results().get(i);
            choices.add(new ChatCompletion.Choice(i, new ChatCompletion.Message("assistant", r.text()),
                    request.logprobAlternatives() == null ? null : ChatLogprobs.of(r.logprobs()),
                    r.finishReason().wireName()));
        }
        return new ChatCompletion(Ids.next("chatcmpl-"), "chat.completion", Ids.now(), answer.model().id(), choices,
                answer.usage(), answer.citations());
    }

    @Override
    public StreamFormat stream(Answer opening) {
        return new ChatFormat(Ids.next("chatcmpl-"), Ids.now(), opening.model().id(), opening.model().model(),
                opening.citations());
    }

    @Override
    public boolean includeUsage() {
        return request.includeUsage();
    }
}
