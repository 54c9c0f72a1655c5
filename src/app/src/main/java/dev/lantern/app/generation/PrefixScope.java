package dev.lantern.app.generation;

import dev.lantern.app.identity.CallerIdentity;
import java.util.Locale;

/**
 * Who shares the engine's cached prompt prefixes ({@code lantern.prefix-cache.scope}). A prefix found in the
 * cache makes an answer start sooner, so sharing them across users would let one user probe, by timing, how
 * other users' prompts begin: {@code USER}, the default, keeps each user's prefixes to that user; {@code GLOBAL}
 * shares them (more hits, e.g. one system prompt used by every user of an application). Either way the chat
 * template is part of the scope, and the model is (each model has a cache of its own).
 */
public enum PrefixScope {
    USER, GLOBAL;

    static PrefixScope parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lantern.prefix-cache.scope must be user or global: " + value, e);
        }
    }

    /** The engine's scope string for a request of {@code caller} rendered with {@code template}. */
    String of(CallerIdentity caller, String template) {
        String owner = this == GLOBAL ? "global" : "user:" + (caller.isAuthenticated() ? caller.subject() : "anonymous");
        return owner + "|template:" + template;
    }
}
