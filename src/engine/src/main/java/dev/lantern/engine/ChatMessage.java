package dev.lantern.engine;

import java.util.Map;

/** One turn of a chat as the model's template sees it ({@code message['role']}, {@code message['content']}). */
public record ChatMessage(String role, String content) {
    public Map<String, Object> asTemplateValue() {
        return Map.of("role", role, "content", content == null ? "" : content);
    }
}
