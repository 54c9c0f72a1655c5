package dev.lantern.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template is user input (per-request templates): it sees plain values only and cannot run away. */
class TemplateSandboxTest {
    private static final RenderLimits TIGHT = new RenderLimits(Duration.ofMillis(300), 100_000, 16);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-07T09:05:03Z"), ZoneOffset.UTC);

    private static String render(String source, Map<String, ?> variables) {
        return Template.parse(source).render(variables, TIGHT, CLOCK);
    }

    private static TemplateException failure(String source) {
        return assertThrows(TemplateException.class, () -> render(source, Map.of()));
    }

    @Test
    void aLoopThatRunsTooLongStopsAtTheDeadline() {
        TemplateException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"));
        assertTrue(e.getMessage().contains("longer than 300 ms"), e.getMessage());
    }

    @Test
    void outputAndBuiltValuesAreBounded() {
        assertTrue(failure("{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}").getMessage()
                .contains("wrote more than 100000"));
        assertTrue(failure("{{ 'x' * 1000000000 }}").getMessage().contains("longer than"));
        assertTrue(failure("{{ [1] * 1000000000 }}").getMessage().contains("longer than"));
        assertTrue(failure("{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(20) %}{% set ns.s = ns.s ~ ns.s %}"
                + "{% endfor %}")
                .getMessage().contains("longer than"));
        assertTrue(failure("{{ range(1000000)|length }}").getMessage().contains("Range too big"));
    }

    @Test
    void recursionAndNestingAreBounded() {
        assertTrue(failure("{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}").getMessage()
                .contains("deeper than 16"));
        String deep = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";
        assertTrue(failure(deep).getMessage().contains("nest deeper"));
        String blocks = "{% if true %}".repeat(1000) + "{% endif %}".repeat(1000);
        assertTrue(failure(blocks).getMessage().contains("nest deeper"));
    }

    @Test
    void onlyPlainValuesGetIn() {
        assertThrows(IllegalArgumentException.class, () -> render("{{ x }}", Map.of("x", new Object())));
        assertThrows(IllegalArgumentException.class, () -> render("{{ x }}", Map.of("x", List.of(Thread.currentThread()))));
        assertEquals("[1, 2.5, 'a', None]", render("{{ x }}", Map.of("x", java.util.Arrays.asList(1, 2.5f, 'a', null))));
    }

    @Test
    void noJavaMethodOrPythonInternalIsReachable() {
        assertTrue(failure("{{ 'x'.getClass() }}").getMessage().contains("has no attribute 'getClass'"));
        assertTrue(failure("{{ messages.getClass().getName() }}").getMessage().contains("is undefined"));
        assertEquals("|", render("{{ 'x'.__class__ }}|{{ {}.__init__ }}", Map.of()));
        assertTrue(failure("{{ [].append(1) }}").getMessage().contains("access to attribute 'append' of 'list' object is unsafe"));
        assertTrue(failure("{{ {'a': 1}.update({'a': 2}) }}").getMessage().contains("unsafe"));
        assertTrue(failure("{% set x = 1 %}{% set x.y = 2 %}").getMessage().contains("non-namespace"));
        assertTrue(failure("{% include 'other.jinja' %}").getMessage().contains("unknown tag 'include'"));
    }

    @Test
    void errorsSayWhatAndWhere() {
        TemplateException raised = failure("{{ raise_exception('Roles must alternate: ' ~ 3) }}");
        assertTrue(raised.raisedByTemplate());
        assertEquals("Roles must alternate: 3", raised.getMessage());
        TemplateException syntax = assertThrows(TemplateException.class, () -> Template.parse("line one\n{% if %}"));
        assertFalse(syntax.raisedByTemplate());
        assertTrue(syntax.getMessage().contains("line 2"), syntax.getMessage());
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("{% for x in [] %}{{ x|nosuch }}{% endfor %}"))
                .getMessage().contains("no filter named 'nosuch'"));
        assertEquals("ok", render("{% if false %}{{ x|nosuch }}{% endif %}ok", Map.of()), "jinja2 forgives it until run");
        assertTrue(failure("{% if true %}{{ x is nosuch }}{% endif %}").getMessage().contains("no test named 'nosuch'"));
        assertTrue(failure("{{ nothing.attribute }}").getMessage().contains("'nothing' is undefined"));
        assertTrue(failure("{{ 'a' + 1 }}").getMessage().contains("can only concatenate str"));
    }

    @Test
    void strftimeNowReadsTheGivenClock() {
        assertEquals("07 Mar 2025 09:05 Friday", render("{{ strftime_now('%d %b %Y %H:%M %A') }}", Map.of()));
    }

    @Test
    void aParsedTemplateRendersManyTimesWithFreshState() {
        Template t = Template.parse("{% set ns = namespace(n=0) %}{% for m in messages %}{% set ns.n = ns.n + 1 %}"
                + "{% endfor %}{{ ns.n }}");
        Map<String, ?> vars = Map.of("messages", List.of(Map.of("role", "user"), Map.of("role", "assistant")));
        assertEquals("2", t.render(vars));
        assertEquals("2", t.render(vars));
    }
}
