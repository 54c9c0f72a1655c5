package dev.lantern.app.prompts;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * What a request carries for the model's chat template (vLLM's names): the messages, the tools offered, a
 * template of its own, extra template variables, and whether the prompt opens the assistant's turn or continues
 * the final message. Chat completions, {@code /tokenize} and {@code /apply-template} implement it through their
 * record components, so that one {@link ChatPrompts} checks them all alike; it adds no JSON property.
 */
public interface ChatPromptFields {

    /** The OpenAPI descriptions of the fields, the same wherever a request carries them. */
    String TOOLS = "Functions the model may call ({\"type\": \"function\", \"function\": {\"name\", "
            + "\"description\", \"parameters\"}}), shown to it through its chat template; its calls come back in "
            + "message.tool_calls (see tool_choice)";
    String CHAT_TEMPLATE = "A Jinja template (or the name of one of the model's named templates) used instead of "
            + "the model's; refused (400 naming chat_template) unless the server trusts requests' templates "
            + "(LANTERN_TRUST_REQUEST_CHAT_TEMPLATE)";
    String CHAT_TEMPLATE_KWARGS = "Extra template variables, e.g. {\"enable_thinking\": false}; they override the "
            + "tokenizer's special tokens (bos_token, ...)";
    String ADD_GENERATION_PROMPT = "Open the assistant's turn at the end (default true)";
    String CONTINUE_FINAL_MESSAGE = "Continue the final message instead of starting a new turn (needs "
            + "add_generation_prompt false)";

    List<ChatMessageBody> messages();

    List<JsonObject> tools();

    String chatTemplate();

    JsonObject chatTemplateKwargs();

    Boolean addGenerationPrompt();

    Boolean continueFinalMessage();
}
