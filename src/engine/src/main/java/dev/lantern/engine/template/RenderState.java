package dev.lantern.engine.template;

import java.time.Clock;

/** The bounds and the clock of one render, shared by every frame of it. */
final class RenderState {
    private final RenderLimits limits;
    private final long deadline;
    private final Clock clock;
    private long written;
    private int depth;

    RenderState(RenderLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    Clock clock() {
        return clock;
    }

    /** Called on every loop step and call: fails once the render has run out of time. */
    void tick() {
        if (System.nanoTime() - deadline > 0) {
            throw new TemplateException("the template took longer than " + limits.timeout().toMillis() + " ms to render");
        }
    }

    void charge(int chars) {
        written += chars;
        if (written > limits.maxOutputChars()) {
            throw new TemplateException("the template wrote more than " + limits.maxOutputChars() + " characters");
        }
    }

    /** Fails when a value built by an operator or filter is longer than the output may ever be. */
    Object checkSize(Object value) {
        if (value instanceof String s && s.length() > limits.maxOutputChars()
                || value instanceof java.util.List<?> l && l.size() > limits.maxOutputChars()) {
            throw new TemplateException("the template built a value longer than " + limits.maxOutputChars());
        }
        return value;
    }

    long maxSize() {
        return limits.maxOutputChars();
    }

    void enter() {
        tick();
        if (++depth > limits.maxCallDepth()) {
            throw new TemplateException("macro calls nest deeper than " + limits.maxCallDepth());
        }
    }

    void leave() {
        depth--;
    }
}
