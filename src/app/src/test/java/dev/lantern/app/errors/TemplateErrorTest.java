package dev.lantern.app.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.template.Template;
import dev.lantern.engine.template.TemplateException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A chat template's failure is the caller's 400 TEMPLATE_ERROR, with the template's own words, bounded. */
class TemplateErrorTest {

    private static TemplateException raisedBy(String template) {
        try {
            Template.parse(template).render(Map.of());
        } catch (TemplateException e) {
            return e;
        }
        throw new AssertionError("the template rendered");
    }

    @Test
    void aRaisedMessageIsTheTemplatesOwn() {
        LanternException e = ErrorTranslationInterceptor.translate(new CompletionException(
                raisedBy("{{ raise_exception('Conversation roles must alternate user/assistant') }}")));
        assertEquals(ErrorCode.TEMPLATE_ERROR, e.code());
        assertEquals(400, e.code().status());
        assertEquals("The chat template refused the conversation: Conversation roles must alternate user/assistant",
                e.getMessage());
    }

    @Test
    void aBrokenTemplateSaysSoWithoutInternals() {
        LanternException e = ErrorTranslationInterceptor.translate(raisedBy("{% for %}"));
        assertEquals(ErrorCode.TEMPLATE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("The chat template failed: template syntax error on line 1"), e.getMessage());
    }

    @Test
    void theMessageIsBoundedAndPrintable() {
        String longMessage = "x".repeat(5000);
        LanternException e = ErrorTranslationInterceptor.translate(
                raisedBy("{{ raise_exception('bad\\u0000\\u001b[31m" + longMessage + "') }}"));
        assertTrue(e.getMessage().length() <= 600, "bounded: " + e.getMessage().length());
        assertTrue(e.getMessage().endsWith("…"));
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control characters");
    }
}
