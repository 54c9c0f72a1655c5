package dev.lantern.app.generation;

import dev.lantern.app.generation.cache.ResponseCache;
import jakarta.ws.rs.core.Response;

/** An answer and whether the cache gave it: the resources turn it into a response with {@code Lantern-Cache}. */
record Answered<T>(T body, ResponseCache.Result cache) {

    static final String HEADER = "Lantern-Cache";

    Response json() {
        return Response.ok(body, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).header(HEADER, cache.header())
                .build();
    }
}
