package dev.lantern.app.errors;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * An endpoint named by its HTTP method and route template, never by the raw path a caller sent. Names are
 * metric labels and statistics keys, so every part comes from a bounded set: a method outside RFC 9110's
 * and PATCH is {@value #OTHER_METHOD} (anyone can send {@code ZZ1}, {@code ZZ2}, ...).
 */
final class EndpointName {

    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private EndpointName() {
    }

    static String of(String method, ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method handler = resource == null ? null : resource.getResourceMethod();
        if (type == null || handler == null) {
            return of(method, UNMATCHED);
        }
        return of(method, join(value(type.getAnnotation(Path.class)), value(handler.getAnnotation(Path.class))));
    }

    /** @param route a route template or a fixed word ({@value #UNMATCHED}), never a path the caller sent */
    static String of(String method, String route) {
        return (method != null && METHODS.contains(method) ? method : OTHER_METHOD) + " " + route;
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
