package dev.lantern.engine.generation;

import dev.lantern.engine.sampling.TokenHistory;
import java.util.Arrays;

/** A growable int array of prompt then generated tokens. */
final class TokenBuffer implements TokenHistory {
    private int[] tokens;
    private int size;
    private final int promptLength;

    TokenBuffer(int[] prompt, int expectedGenerated) {
        tokens = Arrays.copyOf(prompt, prompt.length + Math.max(16, expectedGenerated));
        size = prompt.length;
        promptLength = prompt.length;
    }

    void add(int token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
    }

    int last() {
        return tokens[size - 1];
    }

    int[] generated() {
        return Arrays.copyOfRange(tokens, promptLength, size);
    }

    int[] prompt() {
        return Arrays.copyOf(tokens, promptLength);
    }

    @Override
    public int length() {
        return size;
    }

    @Override
    public int tokenAt(int index) {
        return tokens[index];
    }

    @Override
    public int promptLength() {
        return promptLength;
    }
}
