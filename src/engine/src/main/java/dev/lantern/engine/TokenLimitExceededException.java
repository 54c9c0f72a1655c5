package dev.lantern.engine;

/** The prompt does not fit the model's context; nothing is truncated silently. */
public class TokenLimitExceededException extends EngineException {
    private final int promptTokens;
    private final int limit;

    public TokenLimitExceededException(int promptTokens, int limit) {
        super("prompt has " + promptTokens + " tokens; the model accepts at most " + limit);
        this.promptTokens = promptTokens;
        this.limit = limit;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int limit() {
        return limit;
    }
}
