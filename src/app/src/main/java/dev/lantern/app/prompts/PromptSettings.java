package dev.lantern.app.prompts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How requests may shape their prompts, read once from MicroProfile Config (defaults in
 * microprofile-config.properties; {@code LANTERN_*} environment variables win).
 *
 * @param trustRequestChatTemplate whether a request may send a Jinja {@code chat_template} of its own (vLLM's
 *                                 {@code --trust-request-chat-template}); off, such a request is refused
 */
public record PromptSettings(boolean trustRequestChatTemplate) {

    /** Produces the settings for injection (records cannot be CDI beans themselves). */
    @ApplicationScoped
    public static class Producer {

        /** A record cannot be proxied: a pseudo-scoped singleton, read once. */
        @Produces
        @Singleton
        PromptSettings settings(@ConfigProperty(name = "lantern.generation.trust-request-chat-template") boolean trust) {
            return new PromptSettings(trust);
        }
    }
}
