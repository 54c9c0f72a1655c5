package dev.lantern.app.generation;

import dev.lantern.engine.TokenEvent;

/** Receives the tokens of every choice of a generation, on the scheduler's thread: return at once. */
@FunctionalInterface
public interface ChoiceListener {
    ChoiceListener NONE = (choice, event) -> { };

    void onToken(int choice, TokenEvent event);
}
