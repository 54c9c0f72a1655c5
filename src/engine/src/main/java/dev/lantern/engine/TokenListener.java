package dev.lantern.engine;

/** Receives tokens as they are generated, on the engine's thread: return quickly. */
@FunctionalInterface
public interface TokenListener {
    TokenListener NONE = event -> { };

    void onToken(TokenEvent event);
}
