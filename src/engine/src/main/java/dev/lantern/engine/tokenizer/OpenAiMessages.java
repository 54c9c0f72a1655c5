package dev.lantern.engine.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.engine.template.TemplateValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAI chat messages as chat templates expect them, prepared as vLLM prepares them: everything passes
 * through unchanged except each assistant tool call's {@code function.arguments}, which OpenAI sends as a JSON
 * string and templates read as an object ({@code tool_call.arguments | tojson}); arguments that are not JSON
 * stay the string they were, and absent or empty ones become an empty object.
 */
final class OpenAiMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiMessages() {
    }

    static List<Object> prepare(List<?> messages) {
        List<Object> prepared = new ArrayList<>(messages.size());
        for (Object message : messages) {
            Object value = TemplateValues.of(message);
            if (value instanceof Map<?, ?> m && "assistant".equals(m.get("role")) && m.get("tool_calls") instanceof List<?> calls) {
                calls.forEach(OpenAiMessages::parseArguments);
            }
            prepared.add(value);
        }
        return prepared;
    }

    @SuppressWarnings("unchecked")
    private static void parseArguments(Object call) {
        if (!(call instanceof Map<?, ?> c) || !(c.get("function") instanceof Map<?, ?> f)) {
            return;
        }
        Map<Object, Object> function = (Map<Object, Object>) f;
        Object arguments = function.get("arguments");
        if (arguments == null || "".equals(arguments)) {
            function.put("arguments", new java.util.LinkedHashMap<>());
        } else if (arguments instanceof String json) {
            try {
                function.put("arguments", TemplateValues.of(JSON.readValue(json, Object.class)));
            } catch (JsonProcessingException e) {
                function.put("arguments", json);
            }
        }
    }
}
