package dev.lantern.app.prompts;

import static dev.lantern.app.errors.LanternException.invalid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a request gives the chat template and makes it a {@link ChatPrompt}. A request's own
 * {@code chat_template} is Jinja the server would run, so it is refused unless the operator trusts requests
 * ({@link PromptSettings}), as vLLM refuses it; tools are function definitions as OpenAI's API takes them; extra
 * template variables may not stand in for the request's own fields.
 */
@ApplicationScoped
public class ChatPrompts {

    static final int MAX_TOOLS = 128;
    static final int MAX_KWARGS = 64;
    /**
     * Fields of the request (or transformers' arguments), which a template variable of the same name would
     * silently contradict; vLLM refuses {@code chat_template} and {@code tokenize} here for the same reason.
     */
    private static final Set<String> RESERVED_KWARGS = Set.of("chat_template", "tokenize", "messages", "tools",
            "documents", "add_generation_prompt", "continue_final_message");

    @Inject
    PromptSettings settings;

    /** @throws dev.lantern.app.errors.LanternException 400 VALIDATION_ERROR naming the field at fault */
    public ChatPrompt of(ChatPromptFields fields) {
        List<ChatMessageBody> messages = fields.messages();
        if (messages == null || messages.isEmpty()) {
            throw invalid("messages", "messages: at least one message is required.");
        }
        List<Map<String, Object>> plain = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String at = "messages[" + i + "]";
            if (messages.get(i) == null) {
                throw invalid(at, at + ": a message object is required.");
            }
            messages.get(i).check(at);
            plain.add(messages.get(i).toTemplate());
        }
        if (fields.chatTemplate() != null && !settings.trustRequestChatTemplate()) {
            throw invalid("chat_template", "chat_template: this server does not run templates sent with requests "
                    + "(LANTERN_TRUST_REQUEST_CHAT_TEMPLATE is false); its models use their own chat templates.");
        }
        boolean open = fields.addGenerationPrompt() == null || fields.addGenerationPrompt();
        boolean continueFinal = Boolean.TRUE.equals(fields.continueFinalMessage());
        if (open && continueFinal) {
            throw invalid("continue_final_message", "continue_final_message: continuing the final message and "
                    + "opening a new assistant turn exclude each other; set add_generation_prompt to false.");
        }
        return new ChatPrompt(plain, tools(fields.tools()), kwargs(fields.chatTemplateKwargs()), open, continueFinal,
                fields.chatTemplate());
    }

    /** OpenAI's function tools, each {@code {"type": "function", "function": {"name", ...}}}, whole. */
    private static List<Object> tools(List<JsonObject> tools) {
        if (tools == null) {
            return null;
        }
        if (tools.size() > MAX_TOOLS) {
            throw invalid("tools", "tools: at most " + MAX_TOOLS + " tools.");
        }
        List<Object> plain = new ArrayList<>(tools.size());
        // JSON-B fills the list by erasure: an element may be any JSON value ("tools": ["x"]), not an object.
        List<?> elements = tools;
        for (int i = 0; i < elements.size(); i++) {
            String at = "tools[" + i + "]";
            if (!(elements.get(i) instanceof JsonObject tool) || !(tool.get("type") instanceof JsonString type)
                    || !"function".equals(type.getString())) {
                throw invalid(at + ".type", at + ".type: \"function\" (a function the model may call).");
            }
            JsonValue function = tool.get("function");
            if (!(function instanceof JsonObject f) || !(f.get("name") instanceof JsonString name)
                    || name.getString().isBlank()) {
                throw invalid(at + ".function.name", at + ".function.name: the function's name is required.");
            }
            JsonValue parameters = f.get("parameters");
            if (parameters != null && !(parameters instanceof JsonObject)) {
                throw invalid(at + ".function.parameters", at + ".function.parameters: a JSON Schema object.");
            }
            plain.add(JsonValues.map(tool));
        }
        return plain;
    }

    private static Map<String, Object> kwargs(JsonObject kwargs) {
        if (kwargs == null) {
            return Map.of();
        }
        if (kwargs.size() > MAX_KWARGS) {
            throw invalid("chat_template_kwargs", "chat_template_kwargs: at most " + MAX_KWARGS + " variables.");
        }
        for (String name : kwargs.keySet()) {
            if (RESERVED_KWARGS.contains(name)) {
                throw invalid("chat_template_kwargs." + name, "chat_template_kwargs." + name
                        + ": not a template variable; set the request's own field instead.");
            }
        }
        return JsonValues.map(kwargs);
    }
}
