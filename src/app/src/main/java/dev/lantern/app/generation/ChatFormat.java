package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.structured.ToolCallReader;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.TokenEvent;
import dev.lantern.engine.constraint.ToolCallFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chat completion chunks: the assistant role first, then content deltas, then the finish reason. When the answer's
 * tool calls are read ({@code tools} with {@code tool_choice} other than none), each choice's text goes through its
 * own {@link ToolCallReader}: text before a call list is content, each call is a {@code delta.tool_calls} fragment
 * with its id, type and name, then fragments of its arguments as they are written (OpenAI's streamed shape).
 */
final class ChatFormat implements StreamFormat {

    private final String id;
    private final long created;
    private final String model;
    private final LanguageModel language;
    private final List<Citation> citations;
    private final ToolCallFormat callFormat;
    private final Map<Integer, ChoiceReader> readers = new HashMap<>();

    /**
     * With {@code citations} (grounded generation) on the first chunk of choice 0.
     *
     * @param callFormat the format the answer's tool calls are read in, or null when its text is all content
     */
    ChatFormat(String id, long created, String model, LanguageModel language, List<Citation> citations,
               ToolCallFormat callFormat) {
        this.citations = citations;
        this.id = id;
        this.created = created;
        this.model = model;
        this.language = language;
        this.callFormat = callFormat;
    }

    @Override
    public Object opening(int choice) {
        ChatCompletionChunk.Choice opening = new ChatCompletionChunk.Choice(choice,
                new ChatCompletionChunk.Delta("assistant", ""), null, null);
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(opening), null,
                choice == 0 ? citations : null);
    }

    @Override
    public Object token(int choice, TokenEvent event) {
        ChatLogprobs logprobs = Float.isNaN(event.logprob()) ? null
                : ChatLogprobs.of(event, language.decode(new int[] {event.tokenId()}));
        ChatCompletionChunk.Delta delta = callFormat == null ? content(event.text()) : reader(choice).push(event.text());
        if (delta == null && logprobs == null) {
            return null;
        }
        // a token with log-probabilities but nothing to show yet (held back, or no text) still has its delta
        return chunk(new ChatCompletionChunk.Choice(choice, delta == null ? new ChatCompletionChunk.Delta(null, "")
                : delta, logprobs, null));
    }

    @Override
    public Object finish(int choice, GenerationResult result) {
        ChatCompletionChunk.Delta rest = null;
        boolean called = false;
        if (callFormat != null) {
            ChoiceReader reader = reader(choice);
            rest = reader.finish();
            called = reader.reader.calls() > 0;
        }
        return chunk(new ChatCompletionChunk.Choice(choice, rest == null ? new ChatCompletionChunk.Delta(null, null)
                : rest, null, ChatShape.finishReason(result.finishReason(), called)));
    }

    @Override
    public Object usage(Usage usage) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage, null);
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.Choice choice) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(choice), null, null);
    }

    private static ChatCompletionChunk.Delta content(String text) {
        return text.isEmpty() ? null : new ChatCompletionChunk.Delta(null, text);
    }

    private ChoiceReader reader(int choice) {
        return readers.computeIfAbsent(choice, c -> new ChoiceReader(callFormat));
    }

    /** One choice's reader, gathering what one piece of text gave into one delta. */
    private static final class ChoiceReader implements ToolCallReader.Listener {
        final ToolCallReader reader;
        private final StringBuilder content = new StringBuilder();
        private final List<ChatCompletionChunk.ToolCallDelta> calls = new ArrayList<>();

        ChoiceReader(ToolCallFormat format) {
            reader = new ToolCallReader(format, this);
        }

        ChatCompletionChunk.Delta push(String text) {
            reader.push(text);
            return delta();
        }

        ChatCompletionChunk.Delta finish() {
            reader.finish();
            return delta();
        }

        private ChatCompletionChunk.Delta delta() {
            if (content.isEmpty() && calls.isEmpty()) {
                return null;
            }
            ChatCompletionChunk.Delta delta = new ChatCompletionChunk.Delta(null,
                    content.isEmpty() ? null : content.toString(), calls.isEmpty() ? null : List.copyOf(calls));
            content.setLength(0);
            calls.clear();
            return delta;
        }

        @Override
        public void content(String text) {
            content.append(text);
        }

        @Override
        public void callStarted(int index, String id, String name) {
            calls.add(new ChatCompletionChunk.ToolCallDelta(index, id, "function",
                    new ChatCompletionChunk.FunctionDelta(name, "")));
        }

        @Override
        public void arguments(int index, String fragment) {
            int last = calls.size() - 1;
            if (last >= 0 && calls.get(last).index() == index) {
                ChatCompletionChunk.ToolCallDelta d = calls.get(last);
                calls.set(last, new ChatCompletionChunk.ToolCallDelta(index, d.id(), d.type(),
                        new ChatCompletionChunk.FunctionDelta(d.function().name(), d.function().arguments() + fragment)));
            } else {
                calls.add(new ChatCompletionChunk.ToolCallDelta(index, null, null,
                        new ChatCompletionChunk.FunctionDelta(null, fragment)));
            }
        }
    }
}
