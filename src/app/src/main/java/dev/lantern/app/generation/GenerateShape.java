package dev.lantern.app.generation;

import dev.lantern.app.models.ServedModel;
import dev.lantern.app.prompts.ChatPrompt;
import dev.lantern.app.structured.OutputStructure;

/** The tutorial's {@code POST /generate}: the text as one user turn of the chat template, the answer's text alone. */
record GenerateShape(GenerateRequest request) implements EndpointShape<GenerateResponse> {

    @Override
    public SamplingFields fields() {
        return request;
    }

    @Override
    public String promptParam() {
        return "text";
    }

    @Override
    public OutputStructure structure(ServedModel model) {
        return OutputStructure.FREE;
    }

    @Override
    public String templateIdentity(ServedModel model) {
        return ChatPrompt.userTurn(request.text()).templateIdentity(model);
    }

    @Override
    public Prompted prompt(ServedModel model, GroundedGeneration grounding) {
        return Prompted.of(ChatPrompt.userTurn(request.text()).encode(model, "text"));
    }

    @Override
    public String cacheDeterminants() {
        return "";
    }

    @Override
    public String semanticText() {
        return request.text();
    }

    @Override
    public GenerateResponse whole(Answer answer) {
        return new GenerateResponse(answer.results().get(0).text());
    }

    @Override
    public StreamFormat stream(Answer opening) {
        throw new UnsupportedOperationException("POST /generate does not stream");
    }

    @Override
    public boolean includeUsage() {
        return false;
    }
}
