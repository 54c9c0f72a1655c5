package dev.lantern.app.errors;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;

/** An endpoint named by its HTTP method and route template, never by the raw path a caller sent. */
final class EndpointName {

    static final String UNMATCHED = "unmatched";

    private EndpointName() {
    }

    static String of(String method, ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method handler = resource == null ? null : resource.getResourceMethod();
        if (type == null || handler == null) {
            return method + " " + UNMATCHED;
        }
        String path = join(value(type.getAnnotation(Path.class)), value(handler.getAnnotation(Path.class)));
        return method + " " + path;
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
