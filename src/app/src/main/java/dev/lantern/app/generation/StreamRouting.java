package dev.lantern.app.generation;

import dev.lantern.app.platform.JsonBodyLimit;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Set;

/**
 * Sends a generation request to the resource method for its answer's shape: OpenAI's clients ask for a stream in
 * the body ({@code "stream": true}), not in {@code Accept}, while JAX-RS streams events only from a method that
 * produces nothing but {@code text/event-stream}. So the body's top-level {@code stream} sets {@code Accept} before
 * matching, and content negotiation picks the method. A body that is not valid JSON, or larger than the JSON body
 * limit, is left to the whole-answer method, whose reading reports it; the body is given back unchanged.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.HEADER_DECORATOR)
public class StreamRouting implements ContainerRequestFilter {

    private static final Set<String> STREAMING_ROUTES = Set.of("/v1/chat/completions", "/v1/completions");

    @Inject
    JsonBodyLimit limit;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        long maxBytes = limit.maxBytes();
        if (!"POST".equals(context.getMethod()) || !STREAMING_ROUTES.contains(route(context))
                || !context.hasEntity() || context.getMediaType() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())
                || context.getLength() > maxBytes) {
            return;
        }
        InputStream body = context.getEntityStream();
        byte[] head = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        context.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), body));
        boolean streaming = head.length <= maxBytes && asksForStream(head);
        context.getHeaders().putSingle(HttpHeaders.ACCEPT,
                streaming ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }

    private static String route(ContainerRequestContext context) {
        String path = "/" + context.getUriInfo().getPath();
        return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    /** Whether the JSON object's own {@code stream} member is {@code true}. */
    static boolean asksForStream(byte[] json) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return false;
            }
            boolean streaming = false;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event != JsonParser.Event.KEY_NAME) {
                    return streaming; // END_OBJECT
                }
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
                    skipNested(parser);
                } else if ("stream".equals(key)) {
                    streaming = value == JsonParser.Event.VALUE_TRUE;
                }
            }
            return streaming;
        } catch (RuntimeException e) {
            // JsonException, IllegalStateException, NoSuchElementException, and Parsson's plain RuntimeException
            // past 1,000 levels of nesting: a body this sniff cannot read is JSON-B's to refuse (400), not a 500.
            return false;
        }
    }

    /**
     * Past the object or array just opened. By hand rather than with {@code skipObject}/{@code skipArray}: on a
     * body that ends inside the value, Parsson's skipping loops forever at the end of input, while
     * {@code next()} throws there.
     */
    private static void skipNested(JsonParser parser) {
        int depth = 1;
        while (depth > 0) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                depth++;
            } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                depth--;
            }
        }
    }
}
