package dev.lantern.engine.template;

import dev.lantern.engine.EngineException;

/**
 * A template that cannot be parsed or rendered: a syntax error, a runtime error (an undefined value used
 * as an object, a type error), a bound exceeded (time, output size, nesting depth) or the template's own
 * {@code raise_exception(message)}. The message is for humans; a raised message is carried verbatim so the
 * caller can show it to the client as the template's author wrote it.
 */
public class TemplateException extends EngineException {
    private final boolean raisedByTemplate;

    public TemplateException(String message) {
        this(message, false);
    }

    private TemplateException(String message, boolean raisedByTemplate) {
        super(message);
        this.raisedByTemplate = raisedByTemplate;
    }

    /** What {@code raise_exception(message)} throws: the message is the template author's, unchanged. */
    static TemplateException raised(String message) {
        return new TemplateException(message, true);
    }

    /** True when the template itself called {@code raise_exception}. */
    public boolean raisedByTemplate() {
        return raisedByTemplate;
    }

    static TemplateException syntax(String message, int line) {
        return new TemplateException("template syntax error on line " + line + ": " + message);
    }
}
