package dev.lantern.app.generation;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAI's {@code stream_options}: {@code include_usage} adds a last chunk with the token counts. */
@Schema(name = "StreamOptions")
public record StreamOptions(@JsonbProperty("include_usage") Boolean includeUsage) {
    public boolean usage() {
        return Boolean.TRUE.equals(includeUsage);
    }
}
