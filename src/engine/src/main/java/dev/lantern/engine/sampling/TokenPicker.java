package dev.lantern.engine.sampling;

/** Picks the next token from processed scores. */
public interface TokenPicker {
    int pick(float[] scores);
}
