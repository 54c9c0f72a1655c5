package dev.lantern.app.generation;

import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;

/** What each server-sent event of an endpoint's stream holds: its chunk records (chat or completion). */
interface StreamFormat {

    /** The event opening a choice, or null for none (chat sends the assistant role first). */
    Object opening(int choice);

    /** The event for a token, or null when it carries nothing to show yet. */
    Object token(int choice, TokenEvent event);

    /** The event ending a choice, with its finish reason. */
    Object finish(int choice, GenerationResult result);

    /** The last event when {@code stream_options.include_usage} is set. */
    Object usage(Usage usage);
}
