package dev.lantern.engine.sampling;

/** The tokens of one sequence so far: the prompt first, then what was generated. Read-only view. */
public interface TokenHistory {
    int length();

    int tokenAt(int index);

    int promptLength();

    default int generatedLength() {
        return length() - promptLength();
    }

    static TokenHistory of(int[] tokens, int promptLength) {
        return new TokenHistory() {
            public int length() {
                return tokens.length;
            }

            public int tokenAt(int index) {
                return tokens[index];
            }

            public int promptLength() {
                return promptLength;
            }
        };
    }
}
