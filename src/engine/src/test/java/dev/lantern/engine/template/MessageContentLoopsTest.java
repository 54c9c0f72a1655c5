package dev.lantern.engine.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The syntax-tree test of vLLM's content format (the conformance corpus checks it against jinja2's tree). */
class MessageContentLoopsTest {

    private static boolean loops(String source) {
        return Template.parse(source).loopsOverMessageContent();
    }

    @Test
    void aLoopOverAMessagesContentReadsParts() {
        assertTrue(loops("{% for m in messages %}{% for p in m['content'] %}{{ p.text }}{% endfor %}{% endfor %}"));
        assertTrue(loops("{% for m in messages %}{% if m.content is string %}{{ m.content }}{% else %}"
                + "{% for p in m.content | list %}{{ p.text }}{% endfor %}{% endif %}{% endfor %}"));
        assertTrue(loops("{% macro show(content) %}{% for item in content %}{{ item }}{% endfor %}{% endmacro %}"),
                "a loop over a name 'content', as in Qwen 3.5's macro");
    }

    @Test
    void messagesAreFollowedThroughAssignmentsSlicesAndFilters() {
        assertTrue(loops("{% set rest = messages[1:] %}{% set kept = rest | selectattr('role') %}"
                + "{% for m in kept %}{% for p in m['content'] %}{% endfor %}{% endfor %}"));
    }

    @Test
    void readingContentAsTextIsNoLoop() {
        assertFalse(loops("{% for m in messages %}{{ m['content'] | trim }}{% endfor %}"));
        assertFalse(loops("{% for m in messages %}{% for c in m['tool_calls'] %}{% endfor %}{% endfor %}"));
        assertFalse(loops("{% for m in others %}{% for p in m['content'] %}{% endfor %}{% endfor %}"),
                "a loop over something other than the messages");
    }
}
