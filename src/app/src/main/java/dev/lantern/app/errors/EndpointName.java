package dev.lantern.app.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * An endpoint named by its HTTP method and route template ({@code POST /v1/documents/{id}}), never by the raw path
 * a caller sent, so that metric labels and statistics keys stay few. The one place endpoint names come from: the
 * error answers, the rate limits' per-endpoint policies, and the generation pipeline (through
 * {@link EndpointNameFilter}) all ask here.
 */
public final class EndpointName {

    static final String UNMATCHED = "unmatched";
    /** The request property (a servlet request attribute) under which {@link EndpointNameFilter} keeps the name. */
    static final String PROPERTY = "lantern.endpoint";

    private EndpointName() {
    }

    /** The name of a resource method, from its HTTP method annotation; null when it is not a resource method. */
    public static String of(Method handler) {
        for (Annotation annotation : handler.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return of(http.value(), handler.getDeclaringClass(), handler);
            }
        }
        return null;
    }

    /** The endpoint the current request was matched to, as {@link EndpointNameFilter} named it. */
    public static String current(HttpServletRequest request) {
        Object name = request.getAttribute(PROPERTY);
        return name != null ? name.toString() : request.getMethod() + " " + UNMATCHED;
    }

    static String of(String method, ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method handler = resource == null ? null : resource.getResourceMethod();
        if (type == null || handler == null) {
            return method + " " + UNMATCHED;
        }
        return of(method, type, handler);
    }

    private static String of(String method, Class<?> type, Method handler) {
        return method + " " + join(value(type.getAnnotation(Path.class)), value(handler.getAnnotation(Path.class)));
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
