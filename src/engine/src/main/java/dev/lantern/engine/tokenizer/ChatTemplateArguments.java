package dev.lantern.engine.tokenizer;

import java.util.List;
import java.util.Map;

/**
 * What a chat template is rendered with, as an OpenAI-compatible request carries it: the messages whole
 * (role, content as a string, null or a list of parts, name, tool_calls with their arguments as JSON strings,
 * tool_call_id), the tools offered, retrieved documents, whether to open the assistant's turn or continue the
 * final message, a template to use instead of the model's (a name of one of its named templates, or a
 * template's source), {@code chat_template_kwargs} that override every other variable but the messages, and
 * how the messages are prepared for the template: as transformers passes them (unchanged but for the tool
 * calls' arguments), or as vLLM's OpenAI server does ({@link MessagePreparation}).
 * Values are plain Java data: maps, lists, strings, numbers, booleans, null.
 */
public record ChatTemplateArguments(List<?> messages, List<?> tools, List<?> documents, boolean addGenerationPrompt,
                                    boolean continueFinalMessage, String chatTemplate, Map<String, ?> chatTemplateKwargs,
                                    MessagePreparation preparation) {

    public ChatTemplateArguments {
        messages = List.copyOf(messages);
        chatTemplateKwargs = chatTemplateKwargs == null ? Map.of() : chatTemplateKwargs;
        preparation = preparation == null ? MessagePreparation.TRANSFORMERS : preparation;
    }

    /** The arguments of transformers' {@code apply_chat_template}: messages prepared as transformers does. */
    public ChatTemplateArguments(List<?> messages, List<?> tools, List<?> documents, boolean addGenerationPrompt,
                                 boolean continueFinalMessage, String chatTemplate, Map<String, ?> chatTemplateKwargs) {
        this(messages, tools, documents, addGenerationPrompt, continueFinalMessage, chatTemplate, chatTemplateKwargs,
                MessagePreparation.TRANSFORMERS);
    }

    public static ChatTemplateArguments of(List<?> messages, boolean addGenerationPrompt) {
        return new ChatTemplateArguments(messages, null, null, addGenerationPrompt, false, null, Map.of());
    }

    public ChatTemplateArguments withTools(List<?> offered) {
        return new ChatTemplateArguments(messages, offered, documents, addGenerationPrompt, continueFinalMessage,
                chatTemplate, chatTemplateKwargs, preparation);
    }

    public ChatTemplateArguments withDocuments(List<?> retrieved) {
        return new ChatTemplateArguments(messages, tools, retrieved, addGenerationPrompt, continueFinalMessage,
                chatTemplate, chatTemplateKwargs, preparation);
    }

    public ChatTemplateArguments withContinueFinalMessage(boolean continueFinal) {
        return new ChatTemplateArguments(messages, tools, documents, addGenerationPrompt, continueFinal, chatTemplate,
                chatTemplateKwargs, preparation);
    }

    /** A name of one of the model's templates, or a template's source used instead of the model's. */
    public ChatTemplateArguments withChatTemplate(String nameOrSource) {
        return new ChatTemplateArguments(messages, tools, documents, addGenerationPrompt, continueFinalMessage,
                nameOrSource, chatTemplateKwargs, preparation);
    }

    public ChatTemplateArguments withKwargs(Map<String, ?> kwargs) {
        return new ChatTemplateArguments(messages, tools, documents, addGenerationPrompt, continueFinalMessage,
                chatTemplate, kwargs, preparation);
    }

    public ChatTemplateArguments withPreparation(MessagePreparation how) {
        return new ChatTemplateArguments(messages, tools, documents, addGenerationPrompt, continueFinalMessage,
                chatTemplate, chatTemplateKwargs, how);
    }
}
