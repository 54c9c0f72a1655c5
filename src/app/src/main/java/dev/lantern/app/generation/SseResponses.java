package dev.lantern.app.generation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The HTTP answer carrying an event stream: not cached, not buffered by proxies. */
final class SseResponses {
    private SseResponses() {
    }

    static Response of(Answered<StreamingOutput> stream) {
        return Response.ok(stream.body(), MediaType.SERVER_SENT_EVENTS_TYPE.withCharset("utf-8"))
                .header(Answered.HEADER, stream.cache().header())
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }
}
