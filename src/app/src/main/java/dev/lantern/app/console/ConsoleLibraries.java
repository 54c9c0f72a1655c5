package dev.lantern.app.console;

import java.util.Map;

/**
 * The browser libraries the console imports as {@code ./vendor/<name>}, and where their WebJars put them
 * (the versions are the root pom's {@code marked.version} and {@code dompurify.version}; ConsoleServletTest
 * fails when a path here no longer exists on the class path).
 */
final class ConsoleLibraries {

    static final Map<String, String> FILES = Map.of(
            "marked.js", "/webjars/marked/15.0.12/lib/marked.esm.js",
            "purify.js", "/webjars/dompurify/3.2.6/dist/purify.es.mjs");

    private ConsoleLibraries() {
    }
}
