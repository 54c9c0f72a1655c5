package dev.lantern.engine.tokenizer;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.lantern.engine.ChatMessage;
import dev.lantern.engine.EngineException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a chat with the model's own Jinja {@code chat_template}, with the variables Hugging Face passes
 * ({@code messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token}) and its
 * {@code raise_exception} function. Blocks are trimmed as transformers does (trim_blocks, lstrip_blocks).
 */
public final class ChatTemplate {
    private final Jinjava jinjava;
    private final String template;
    private final String bosToken;
    private final String eosToken;

    public ChatTemplate(String template, String bosToken, String eosToken) {
        this.template = template;
        this.bosToken = bosToken == null ? "" : bosToken;
        this.eosToken = eosToken == null ? "" : eosToken;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                ChatTemplate.class, "raiseException", String.class));
    }

    /** Jinjava reports a function's exception without its message, so the message is kept here. */
    private static final ThreadLocal<String> RAISED = new ThreadLocal<>();

    public static String raiseException(String message) {
        RAISED.set(message);
        throw new TemplateException(message);
    }

    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        if (template == null) {
            throw new EngineException("this model has no chat_template");
        }
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("messages", messages.stream().map(ChatMessage::asTemplateValue).toList());
        bindings.put("add_generation_prompt", addGenerationPrompt);
        bindings.put("bos_token", bosToken);
        bindings.put("eos_token", eosToken);
        RenderResult result;
        try {
            result = jinjava.renderForResult(template, bindings);
        } catch (TemplateException e) {
            throw new EngineException("the chat template rejected the messages: " + e.getMessage(), e);
        } finally {
            String raised = RAISED.get();
            RAISED.remove();
            if (raised != null) {
                throw new EngineException("the chat template rejected the messages: " + raised);
            }
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new EngineException("the chat template rejected the messages: " + error.getMessage());
            }
        }
        return result.getOutput();
    }

    /** Thrown by the template's {@code raise_exception}. */
    public static final class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message);
        }
    }
}
