package dev.lantern.engine.template;

import java.time.Duration;

/**
 * The bounds of one render, so that a hostile or broken template (a per-request template is user input)
 * cannot hold a thread or fill memory: a wall-clock budget checked in every loop step and call, a budget of
 * characters written (counting text captured by macros and {@code set} blocks) that also caps any one string
 * or list a template builds, and a depth of nested macro calls.
 */
public record RenderLimits(Duration timeout, int maxOutputChars, int maxCallDepth) {
    public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(2), 4 * 1024 * 1024, 64);

    public RenderLimits {
        if (timeout.isNegative() || timeout.isZero() || maxOutputChars <= 0 || maxCallDepth <= 0) {
            throw new IllegalArgumentException("render limits must be positive");
        }
    }
}
