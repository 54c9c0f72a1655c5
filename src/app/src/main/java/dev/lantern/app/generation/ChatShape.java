package dev.lantern.app.generation;

import static dev.lantern.app.errors.LanternException.invalid;

import dev.lantern.app.models.ServedModel;
import dev.lantern.app.prompts.ChatPrompt;
import dev.lantern.app.prompts.ChatPrompts;
import dev.lantern.app.structured.OutputStructure;
import dev.lantern.app.structured.ResponseFormat;
import dev.lantern.app.structured.ToolCall;
import dev.lantern.app.structured.ToolCallReader;
import dev.lantern.app.structured.ToolChoice;
import dev.lantern.app.structured.ToolCallSettings;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.constraint.ToolCallFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/chat/completions}: the whole messages, tools and template options through the model's chat
 * template ({@link ChatPrompt}); the answer's structure from {@code response_format}, or from {@code tools} and
 * {@code tool_choice} (calls in the model's tool-call format, read back into {@code message.tool_calls});
 * chat completion objects.
 */
record ChatShape(ChatCompletionRequest request, ChatPrompt chat, ToolChoice toolChoice, ToolCallSettings toolCalls)
        implements EndpointShape<ChatCompletion> {

    /** @throws dev.lantern.app.errors.LanternException 400 for what the request asks that cannot be given */
    static ChatShape of(ChatCompletionRequest request, ChatPrompts prompts, ToolCallSettings toolCalls) {
        ChatPrompt chat = prompts.of(request);
        ToolChoice choice = ToolChoice.of(request.toolChoice(), request.tools());
        OutputStructure format = ResponseFormat.structure(request.responseFormat());
        if (format.constrained() && choice.mode() != ToolChoice.Mode.NONE) {
            throw invalid("response_format", "response_format: a JSON answer and tool calls cannot both be "
                    + "constrained; set tool_choice to \"none\", or leave response_format out.");
        }
        return new ChatShape(request, chat, choice, toolCalls);
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
    public OutputStructure structure(ServedModel model) {
        if (toolChoice.mode() != ToolChoice.Mode.NONE) {
            return toolChoice.structure(request.tools(), request.parallelToolCalls(),
                    toolCalls.styleOf(model, chat.templateSource(model)));
        }
        return ResponseFormat.structure(request.responseFormat());
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
        ToolCallFormat format = callFormat(answer.model());
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < answer.results().size(); i++) {
            GenerationResult r = answer.results().get(i);
            ChatCompletion.Message message = new ChatCompletion.Message("assistant", r.text(), null);
            String finish = r.finishReason().wireName();
            if (format != null) {
                ToolCallReader.Reading reading = ToolCallReader.read(format, r.text());
                if (!reading.calls().isEmpty()) {
                    message = new ChatCompletion.Message("assistant", reading.content(),
                            reading.calls().stream().map(ChatShape::wire).toList());
                    finish = finishReason(r.finishReason(), true);
                }
            }
            choices.add(new ChatCompletion.Choice(i, message,
                    request.logprobAlternatives() == null ? null : ChatLogprobs.of(r.logprobs()), finish));
        }
        return new ChatCompletion(Ids.next("chatcmpl-"), "chat.completion", Ids.now(), answer.model().id(), choices,
                answer.usage(), answer.citations());
    }

    @Override
    public StreamFormat stream(Answer opening) {
        return new ChatFormat(Ids.next("chatcmpl-"), Ids.now(), opening.model().id(), opening.model().model(),
                opening.citations(), callFormat(opening.model()));
    }

    @Override
    public boolean includeUsage() {
        return request.includeUsage();
    }

    /** The format the answer's calls are read in (the one {@link #structure} constrains them to), or null for none. */
    private ToolCallFormat callFormat(ServedModel model) {
        return toolChoice.mode() == ToolChoice.Mode.NONE ? null
                : toolCalls.styleOf(model, chat.templateSource(model)).format(model.model().vocabulary());
    }

    /** An answer that called tools and ended by itself finishes with "tool_calls"; a cut one with "length". */
    static String finishReason(FinishReason reason, boolean called) {
        return called && reason == FinishReason.STOP ? "tool_calls" : reason.wireName();
    }

    private static ChatCompletion.ToolCall wire(ToolCall call) {
        return new ChatCompletion.ToolCall(call.id(), "function",
                new ChatCompletion.Function(call.name(), call.arguments()));
    }
}
