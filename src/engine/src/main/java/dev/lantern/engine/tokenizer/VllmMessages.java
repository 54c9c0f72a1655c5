package dev.lantern.engine.tokenizer;

import dev.lantern.engine.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI messages as vLLM's OpenAI server gives them to a chat template ({@code entrypoints/chat_utils.py}).
 * Most templates are written for string content: given null they fail ({@code '...' + None}) or print "None",
 * given a list of parts they fail or print its Python form. So, as vLLM does, a template that loops over content
 * ({@link Template#loopsOverMessageContent()}) gets every content as a list of text parts (a string as one part,
 * null as none), and any other template gets it as one string (text parts joined by newlines, null as empty).
 * A tool message's text parts are always joined into one string; an empty {@code tool_calls} list is dropped;
 * and when the template does not name the developer role, developer messages become system messages and every
 * system message is merged into one leading system message (their texts joined by blank lines), which templates
 * that allow one system message only at the start need.
 */
final class VllmMessages {
    private VllmMessages() {
    }

    /** @param messages prepared by {@link OpenAiMessages#prepare} (plain, mutable template values) */
    static List<Object> prepare(List<Object> messages, Template template) {
        boolean asParts = template.loopsOverMessageContent();
        List<Object> prepared = new ArrayList<>(messages.size());
        boolean developer = false;
        for (Object message : messages) {
            if (!(message instanceof Map<?, ?> m)) {
                prepared.add(message);
                continue;
            }
            Map<Object, Object> copy = new LinkedHashMap<>(m);
            Object role = copy.get("role");
            List<String> texts = texts(copy.get("content"));
            if (texts != null) {
                copy.put("content", asParts && !"tool".equals(role) ? parts(texts) : String.join("\n", texts));
            }
            if (copy.get("tool_calls") instanceof List<?> calls && calls.isEmpty()) {
                copy.remove("tool_calls");
            }
            developer |= "developer".equals(role);
            prepared.add(copy);
        }
        return developer && !template.quotes("developer") ? asSystem(prepared) : prepared;
    }

    /** The texts of a content (null: none; a string: itself; a list: its text parts), or null for another shape. */
    private static List<String> texts(Object content) {
        if (content == null) {
            return List.of();
        }
        if (content instanceof String text) {
            return List.of(text);
        }
        if (!(content instanceof List<?> parts)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String text) {
                texts.add(text);
            } else if (part instanceof Map<?, ?> p && "text".equals(p.get("type")) && p.get("text") instanceof String text) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static List<Object> parts(List<String> texts) {
        List<Object> parts = new ArrayList<>(texts.size());
        for (String text : texts) {
            Map<Object, Object> part = new LinkedHashMap<>();
            part.put("type", "text");
            part.put("text", text);
            parts.add(part);
        }
        return parts;
    }

    /** Developer messages as system ones, then every system message merged into one first one when needed. */
    @SuppressWarnings("unchecked")
    private static List<Object> asSystem(List<Object> messages) {
        List<String> systemTexts = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        boolean merge = false;
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof Map<?, ?> raw)) {
                others.add(messages.get(i));
                continue;
            }
            Map<Object, Object> m = (Map<Object, Object>) raw;
            if ("developer".equals(m.get("role"))) {
                m.put("role", "system");
                m.remove("tools");
            }
            if (!"system".equals(m.get("role"))) {
                others.add(m);
                continue;
            }
            merge |= i > 0 || !systemTexts.isEmpty();
            List<String> texts = texts(m.get("content"));
            String text = texts == null ? "" : String.join("\n", texts);
            if (!text.isEmpty()) {
                systemTexts.add(text);
            }
        }
        if (!merge) {
            return messages;
        }
        Map<Object, Object> system = new LinkedHashMap<>();
        system.put("role", "system");
        system.put("content", String.join("\n\n", systemTexts));
        List<Object> merged = new ArrayList<>(others.size() + 1);
        merged.add(system);
        merged.addAll(others);
        return merged;
    }
}
