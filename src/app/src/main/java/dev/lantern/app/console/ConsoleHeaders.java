package dev.lantern.app.console;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of every console answer. The page shows text nobody vetted (model output, document passages),
 * so the policy allows scripts and styles from this origin only — no inline script or style, no
 * {@code eval} — and connections to this origin only; sanitised Markdown may hold images of this origin
 * or {@code data:} but never a frame, an object or a form target. Trusted Types close the DOM's HTML sinks
 * to everything but DOMPurify's policy, so that no code path can hand unsanitised text to {@code innerHTML}
 * (in browsers that enforce them; the sanitiser works alike elsewhere). The files are revalidated on every load
 * so that a new version of the server is never mixed with cached modules of the old one.
 */
final class ConsoleHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types dompurify");

    private ConsoleHeaders() {
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cache-Control", "no-cache");
    }
}
