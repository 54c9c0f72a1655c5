package dev.lantern.app.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * How the servlet filters of uploads recognise one before JAX-RS has matched it: every multipart body is
 * taken for an upload (no other endpoint accepts one), whatever spelling its path has ({@code /v1/documents/}
 * with a trailing slash is the same endpoint for JAX-RS).
 */
final class UploadRequests {

    static final String POLICY = "upload";

    private UploadRequests() {
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    /** The upload endpoint's route, {@code /upload} or {@code /v1/documents}: a bounded name, never the raw path. */
    static String route(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return path.replaceAll("/+$", "").equals("/upload") ? "/upload" : "/v1/documents";
    }
}
