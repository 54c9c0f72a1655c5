package dev.lantern.engine.sampling;

/**
 * One transformation of next-token scores. Reads {@code in}, writes every element of {@code out}, never
 * modifies {@code in}; a removed token gets {@code -Infinity}.
 */
public interface LogitsStep {
    void apply(float[] in, float[] out, TokenHistory history);
}
