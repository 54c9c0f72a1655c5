package dev.lantern.app.generation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP answer carrying an event stream: not cached, not buffered by proxies. */
final class SseResponses {
    private SseResponses() {
    }

    static Response of(EventStream stream) {
        return Response.ok(stream, MediaType.SERVER_SENT_EVENTS_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }
}
