package dev.lantern.app.generation;

import dev.lantern.engine.ChatMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One chat turn as OpenAI's clients send it: {@code content} is a string, or an array of parts of which the
 * {@code text} ones are used.
 */
@Schema(name = "ChatMessage")
public record ChatMessageBody(
        @NotNull @Pattern(regexp = "system|developer|user|assistant|tool")
        @Schema(enumeration = {"system", "developer", "user", "assistant", "tool"}) String role,
        @Schema(description = "A string, or an array of content parts ({\"type\": \"text\", \"text\": ...})",
                oneOf = {String.class, Object[].class}) JsonValue content,
        String name) {

    /** The turn for the model's chat template ({@code developer} is read as {@code system}). */
    public ChatMessage toEngine() {
        return new ChatMessage("developer".equals(role) ? "system" : role, text());
    }

    /** The text of the content; null when it has a shape no model reads. */
    public String text() {
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (content instanceof JsonString string) {
            return string.getString();
        }
        if (content instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (JsonValue part : parts) {
                if (!(part instanceof JsonObject object) || !"text".equals(object.getString("type", ""))
                        || !(object.get("text") instanceof JsonString piece)) {
                    return null;
                }
                text.append(piece.getString());
            }
            return text.toString();
        }
        return null;
    }
}
