package dev.lantern.app.structured;

import dev.lantern.app.models.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tool-call format each model writes, read once from {@code lantern.tool-calls.formats}
 * ({@code id=hermes;id2=mistral}); a model not named there gets the one its chat template shows
 * ({@link ToolCallStyle#forTemplate}).
 */
public record ToolCallSettings(Map<String, ToolCallStyle> formats) {

    public ToolCallSettings {
        formats = Map.copyOf(formats);
    }

    /** @param templateSource the template the chat renders with (null: none) */
    public ToolCallStyle styleOf(ServedModel model, String templateSource) {
        ToolCallStyle configured = formats.get(model.id());
        return configured != null ? configured : ToolCallStyle.forTemplate(templateSource);
    }

    /** {@code id=format;id2=format2} (blank: none). */
    static ToolCallSettings parse(String spec) {
        Map<String, ToolCallStyle> formats = new HashMap<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("lantern.tool-calls.formats: \"" + entry.trim()
                        + "\" is not id=format (hermes, llama3_json or mistral)");
            }
            formats.put(entry.substring(0, eq).trim(), ToolCallStyle.named(entry.substring(eq + 1)));
        }
        return new ToolCallSettings(formats);
    }

    /** Produces the settings for injection (records cannot be CDI beans themselves). */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        ToolCallSettings settings(@ConfigProperty(name = "lantern.tool-calls.formats") Optional<String> formats) {
            return parse(formats.orElse(""));
        }
    }
}
