package dev.lantern.app.generation;

import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;

/** A cached answer as a stream: the same chunk shapes as a live one, each choice's text in one chunk. */
final class ReplayStream {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ReplayStream() {
    }

    /** @param usage the last chunk's usage, or null when the request did not ask for it */
    static void write(EventSink sink, StreamFormat format, List<GenerationResult> results, Usage usage) {
        List<Object> chunks = new ArrayList<>();
        for (int c = 0; c < results.size(); c++) {
            chunks.add(format.opening(c));
            chunks.add(format.token(c, new TokenEvent(results.get(c).text(), -1, Float.NaN, List.of())));
            chunks.add(format.finish(c, results.get(c)));
        }
        chunks.add(usage == null ? null : format.usage(usage));
        List<String> events = new ArrayList<>();
        for (Object chunk : chunks) {
            if (chunk != null) {
                events.add(JSON.toJson(chunk));
            }
        }
        events.add("[DONE]");
        sink.send(events);
        sink.close();
    }
}
