package dev.lantern.app.generation;

import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A cached answer as a stream: the same chunk shapes as a live one, each choice's text in one chunk. */
final class ReplayStream implements StreamingOutput {

    private static final Jsonb JSON = JsonbBuilder.create();
    private final StreamFormat format;
    private final List<GenerationResult> results;
    private final Usage usage;

    /** @param usage the last chunk's usage, or null when the request did not ask for it */
    ReplayStream(StreamFormat format, List<GenerationResult> results, Usage usage) {
        this.format = format;
        this.results = results;
        this.usage = usage;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        for (int c = 0; c < results.size(); c++) {
            send(out, format.opening(c));
            send(out, format.token(c, new TokenEvent(results.get(c).text(), -1, Float.NaN, List.of())));
            send(out, format.finish(c, results.get(c)));
        }
        if (usage != null) {
            send(out, format.usage(usage));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(OutputStream out, Object event) throws IOException {
        if (event != null) {
            out.write(("data: " + JSON.toJson(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
