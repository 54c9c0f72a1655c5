package dev.lantern.app.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * An endpoint named by its HTTP method and route template ({@code POST /v1/documents/{id}}), never by the raw path
 * a caller sent. Names are metric labels and statistics keys, so every part comes from a bounded set: a method
 * outside RFC 9110's and PATCH is {@value #OTHER_METHOD} (anyone can send {@code ZZ1}, {@code ZZ2}, ...). The one
 * place endpoint names come from: the error answers, the rate limits' per-endpoint policies, and the generation
 * pipeline (through {@link EndpointNameFilter}) all ask here.
 */
public final class EndpointName {

    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";
    /** The request property (a servlet request attribute) under which {@link EndpointNameFilter} keeps the name. */
    static final String PROPERTY = "lantern.endpoint";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private EndpointName() {
    }

    /** The name of a resource method, from its HTTP method annotation; null when it is not a resource method. */
    public static String of(Method handler) {
        for (Annotation annotation : handler.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return of(http.value(), route(handler.getDeclaringClass(), handler));
            }
        }
        return null;
    }

    /** The endpoint the current request was matched to, as {@link EndpointNameFilter} named it. */
    public static String current(HttpServletRequest request) {
        Object name = request.getAttribute(PROPERTY);
        return name != null ? name.toString() : of(request.getMethod(), UNMATCHED);
    }

    static String of(String method, ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method handler = resource == null ? null : resource.getResourceMethod();
        if (type == null || handler == null) {
            return of(method, UNMATCHED);
        }
        return of(method, route(type, handler));
    }

    /** @param route a route template or a fixed word ({@value #UNMATCHED}), never a path the caller sent */
    static String of(String method, String route) {
        return (method != null && METHODS.contains(method) ? method : OTHER_METHOD) + " " + route;
    }

    private static String route(Class<?> type, Method handler) {
        return join(value(type.getAnnotation(Path.class)), value(handler.getAnnotation(Path.class)));
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
