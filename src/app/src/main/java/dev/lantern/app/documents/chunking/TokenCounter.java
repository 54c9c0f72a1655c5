package dev.lantern.app.documents.chunking;

/** How many tokens of the embedding model a text is, without the model's special tokens. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
