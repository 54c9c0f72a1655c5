package dev.lantern.engine;

/** A token with its log-probability; {@code text} is null until the engine decodes it. */
public record TokenLogProb(int tokenId, String text, float logprob) {
    public TokenLogProb withText(String tokenText) {
        return new TokenLogProb(tokenId, tokenText, logprob);
    }
}
