package dev.lantern.engine.tokenizer;

import dev.lantern.engine.ChatMessage;
import dev.lantern.engine.template.RenderLimits;
import dev.lantern.engine.template.Template;
import dev.lantern.engine.template.TemplateException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a chat with the model's Jinja chat template as transformers' {@code apply_chat_template(...,
 * tokenize=False)} does: the variables {@code messages}, {@code tools}, {@code documents} (None when absent),
 * {@code add_generation_prompt}, the tokenizer's special tokens, then {@code chat_template_kwargs} over them;
 * a named template chosen as transformers chooses it ("tool_use" when tools are offered, else "default"); and
 * {@code continue_final_message}. Templates come from {@code chat_template.jinja} (which, as in transformers,
 * wins over tokenizer_config.json), {@code additional_chat_templates/*.jinja}, or tokenizer_config.json.
 */
public final class ChatTemplate {
    private final Map<String, String> sources;
    private final Map<String, Object> specialTokens;
    private final Clock clock;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    private ChatTemplate(Map<String, String> sources, Map<String, ?> specialTokens, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.specialTokens = Map.copyOf(specialTokens);
        this.clock = clock;
    }

    /**
     * The model directory's templates, parsed when first used: a model whose template is missing or broken
     * still loads and serves completions; rendering a chat with it fails.
     */
    public static ChatTemplate load(Path modelDirectory, TokenizerConfig config) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>(config.chatTemplates());
        Path file = modelDirectory.resolve("chat_template.jinja");
        if (Files.isRegularFile(file)) {
            sources.put("default", Files.readString(file));
        }
        Path more = modelDirectory.resolve("additional_chat_templates");
        if (Files.isDirectory(more)) {
            try (DirectoryStream<Path> named = Files.newDirectoryStream(more, "*.jinja")) {
                for (Path p : named) {
                    sources.put(p.getFileName().toString().replaceFirst("\\.jinja$", ""), Files.readString(p));
                }
            }
        }
        return new ChatTemplate(sources, config.specialTokens(), Clock.systemDefaultZone());
    }

    /** One template from its source, with the special tokens it may use ({@code bos_token}, ...). */
    public static ChatTemplate of(String source, Map<String, ?> specialTokens) {
        return new ChatTemplate(source == null ? Map.of() : Map.of("default", source), specialTokens,
                Clock.systemDefaultZone());
    }

    /** This template reading {@code clock} for {@code strftime_now}, e.g. a fixed date in tests. */
    public ChatTemplate withClock(Clock fixed) {
        return new ChatTemplate(sources, specialTokens, fixed);
    }

    /** The convenience form for plain turns: role and content only. */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        return render(ChatTemplateArguments.of(messages.stream().map(ChatMessage::asTemplateValue).toList(),
                addGenerationPrompt));
    }

    /**
     * @throws TemplateException when the template cannot be parsed or rendered, or raises an exception itself
     *     (its message is then the template's own, see {@link TemplateException#raisedByTemplate()})
     * @throws TemplateException also when the model has no chat template and none is given (a chat cannot be
     *     rendered for this model: the request's fault as much as a broken template is)
     */
    public String render(ChatTemplateArguments arguments) {
        if (arguments.continueFinalMessage() && arguments.addGenerationPrompt()) {
            throw new TemplateException("continue_final_message and add_generation_prompt are not compatible: use "
                    + "continue_final_message to continue the final message, add_generation_prompt to start a new one");
        }
        Template template = choose(arguments);
        List<Object> messages = OpenAiMessages.prepare(arguments.messages());
        if (arguments.preparation() == MessagePreparation.VLLM) {
            messages = VllmMessages.prepare(messages, template);
        }
        FinalMessageContinuation continuation = arguments.continueFinalMessage()
                ? FinalMessageContinuation.mark(messages) : null;
        Map<String, Object> variables = new HashMap<>(specialTokens);
        variables.put("tools", arguments.tools());
        variables.put("documents", arguments.documents());
        variables.put("add_generation_prompt", arguments.addGenerationPrompt());
        variables.putAll(arguments.chatTemplateKwargs());
        variables.put("messages", messages);
        String rendered = template.render(variables, RenderLimits.DEFAULT, clock);
        return continuation == null ? rendered : continuation.cut(rendered);
    }

    /**
     * The source of the template {@link #render} would use: {@code requested} itself when it is a template rather
     * than a name, else the named one, "tool_use" when tools are offered and the model has it, else "default";
     * null when there is none. Lets a caller see how the template writes tool calls without rendering.
     */
    public String source(String requested, boolean toolsOffered) {
        if (requested != null && !sources.containsKey(requested)) {
            return requested;
        }
        return sources.get(requested != null ? requested
                : toolsOffered && sources.containsKey("tool_use") ? "tool_use" : "default");
    }

    /** transformers' choice: a named template if asked for, else "tool_use" with tools, else "default". */
    private Template choose(ChatTemplateArguments arguments) {
        String requested = arguments.chatTemplate();
        if (requested != null && !sources.containsKey(requested)) {
            return Template.parse(requested);
        }
        String name = requested != null ? requested
                : arguments.tools() != null && sources.containsKey("tool_use") ? "tool_use" : "default";
        if (!sources.containsKey(name)) {
            throw new TemplateException(sources.isEmpty() ? "this model has no chat_template"
                    : "this model has no chat template named '" + name + "' (it has " + sources.keySet() + ")");
        }
        return template(name);
    }

    private Template template(String name) {
        return parsed.computeIfAbsent(name, n -> Template.parse(sources.get(n)));
    }
}
