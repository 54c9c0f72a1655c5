package dev.lantern.app.prompts;

import static dev.lantern.app.errors.LanternException.invalid;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One chat turn in OpenAI's full shape: {@code content} a string, null, or an array of text parts; a
 * participant's {@code name}; an assistant's {@code tool_calls}; a tool message's {@code tool_call_id}. The
 * whole message goes to the model's chat template ({@link #toTemplate()}); {@link #check} holds it to the shapes
 * OpenAI documents, naming the field at fault as a path such as {@code messages[2].tool_calls[0].function}.
 */
@Schema(name = "ChatMessage")
public record ChatMessageBody(
        @NotNull @Pattern(regexp = "system|developer|user|assistant|tool")
        @Schema(enumeration = {"system", "developer", "user", "assistant", "tool"}) String role,
        @Schema(description = "A string, null (an assistant's turn that only calls tools), or an array of text parts "
                + "({\"type\": \"text\", \"text\": ...})", oneOf = {String.class, Object[].class}, nullable = true)
        JsonValue content,
        @Size(max = 256) @Schema(description = "The participant's name, given to the template") String name,
        @JsonbProperty("tool_calls") @Schema(description = "An assistant's calls of the offered tools")
        List<ToolCallBody> toolCalls,
        @JsonbProperty("tool_call_id") @Size(max = 256) @Schema(description = "A tool message: the id of the call it answers")
        String toolCallId) {

    static final int MAX_PARTS = 256;
    static final int MAX_TOOL_CALLS = 64;

    /** Refuses what OpenAI's API refuses, and content this server's text-only models cannot read. */
    void check(String at) {
        checkContent(at + ".content");
        if (toolCalls != null) {
            if (!"assistant".equals(role)) {
                throw invalid(at + ".tool_calls", at + ".tool_calls: only an assistant message calls tools.");
            }
            if (toolCalls.size() > MAX_TOOL_CALLS) {
                throw invalid(at + ".tool_calls", at + ".tool_calls: at most " + MAX_TOOL_CALLS + " calls in one message.");
            }
            for (int i = 0; i < toolCalls.size(); i++) {
                String call = at + ".tool_calls[" + i + "]";
                if (toolCalls.get(i) == null) {
                    throw invalid(call, call + ": a tool call object is required.");
                }
                toolCalls.get(i).check(call);
            }
        }
        if ("tool".equals(role) && (toolCallId == null || toolCallId.isBlank())) {
            throw invalid(at + ".tool_call_id", at + ".tool_call_id: a tool message names the call it answers.");
        }
        if (toolCallId != null && !"tool".equals(role)) {
            throw invalid(at + ".tool_call_id", at + ".tool_call_id: only a tool message answers a tool call.");
        }
    }

    private void checkContent(String at) {
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL || content instanceof JsonString) {
            return;
        }
        if (!(content instanceof JsonArray parts)) {
            throw invalid(at, at + ": a string, null, or an array of text parts.");
        }
        if (parts.size() > MAX_PARTS) {
            throw invalid(at, at + ": at most " + MAX_PARTS + " parts.");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof JsonObject part) || !"text".equals(part.getString("type", null))
                    || !(part.get("text") instanceof JsonString)) {
                throw invalid(at + "[" + i + "]", at + "[" + i + "]: only text parts ({\"type\": \"text\", \"text\": "
                        + "\"...\"}) are read; the models served here read text.");
            }
        }
    }

    /** The message as its template reads it: plain values, only the fields sent. */
    public Map<String, Object> toTemplate() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", role);
        message.put("content", JsonValues.plain(content));
        if (name != null) {
            message.put("name", name);
        }
        if (toolCalls != null) {
            List<Object> calls = new ArrayList<>(toolCalls.size());
            toolCalls.forEach(call -> calls.add(call.toTemplate()));
            message.put("tool_calls", calls);
        }
        if (toolCallId != null) {
            message.put("tool_call_id", toolCallId);
        }
        return message;
    }

    /** The text of the content (text parts joined by newlines, as the template gets them); empty when null. */
    public String text() {
        return ChatPrompt.text(JsonValues.plain(content));
    }
}
