package dev.lantern.engine.template;

import java.time.Clock;
import java.util.Map;

/**
 * A parsed Jinja template, rendered as jinja2's {@code ImmutableSandboxedEnvironment(trim_blocks=True,
 * lstrip_blocks=True)} with the loopcontrols extension renders it, which is how transformers renders chat
 * templates. Immutable and safe to share between threads; each render has its own state and bounds.
 */
public final class Template {
    private final Stmt body;
    private final String source;
    private final boolean loopsOverMessageContent;

    private Template(Stmt body, String source) {
        this.body = body;
        this.source = source;
        this.loopsOverMessageContent = MessageContentLoops.present(body);
    }

    /** @throws TemplateException when the source is not a valid template */
    public static Template parse(String source) {
        return new Template(Parser.parse(source), source);
    }

    /**
     * Whether the template loops over a message's {@code content} (so reads it as a list of parts), as vLLM's
     * OpenAI server decides it from the syntax tree; see {@link MessageContentLoops}.
     */
    public boolean loopsOverMessageContent() {
        return loopsOverMessageContent;
    }

    /** Whether the source holds {@code word} as a quoted string, {@code 'word'} or {@code "word"}. */
    public boolean quotes(String word) {
        return source.contains("'" + word + "'") || source.contains("\"" + word + "\"");
    }

    public String render(Map<String, ?> variables) {
        return render(variables, RenderLimits.DEFAULT, Clock.systemDefaultZone());
    }

    /**
     * @param variables the template's variables; converted by {@link TemplateValues#of}
     * @param clock what {@code strftime_now} reads, in its zone
     * @throws TemplateException on any error while rendering, a bound exceeded, or {@code raise_exception}
     */
    public String render(Map<String, ?> variables, RenderLimits limits, Clock clock) {
        Scope globals = new Scope(null);
        Globals.install(globals);
        Scope top = new Scope(globals);
        variables.forEach((name, value) -> top.set(name, TemplateValues.of(value)));
        Frame frame = new Frame(top, new RenderState(limits, clock), new StringBuilder());
        try {
            body.render(frame);
        } catch (LoopControl e) {
            throw new TemplateException("'break' or 'continue' outside of a loop");
        } catch (StackOverflowError e) {
            throw new TemplateException("the template nests too deeply to render");
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | IllegalArgumentException
                 | ArithmeticException e) {
            throw new TemplateException("the template used a value of the wrong type: " + e.getClass().getSimpleName());
        }
        return frame.text();
    }
}
