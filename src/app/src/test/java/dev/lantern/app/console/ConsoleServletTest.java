package dev.lantern.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsoleServletTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console");

    @Test
    void servesTheConsolesFilesAndTheLibrariesOnly() {
        assertEquals(Optional.of("/console/index.html"), ConsoleServlet.resourceOf("index.html"));
        assertEquals(Optional.of("/console/js/chat.js"), ConsoleServlet.resourceOf("js/chat.js"));
        assertEquals(Optional.of(ConsoleLibraries.FILES.get("marked.js")), ConsoleServlet.resourceOf("vendor/marked.js"));
        for (String name : new String[] {"../WEB-INF/web.xml", "WEB-INF/web.xml", "js/../../x.js", "a/b/c.js",
                "index.jsp", "vendor/other.js", "%2e%2e/x.js", "Index.html", "", "js/", ".js"}) {
            assertTrue(ConsoleServlet.resourceOf(name).isEmpty(), name);
        }
    }

    @Test
    void everyLibraryIsInItsWebJar() {
        ConsoleLibraries.FILES.forEach((name, path) -> assertNotNull(
                getClass().getResource("/META-INF/resources" + path), name + " → " + path + " (WebJar version?)"));
    }

    /** The page must stay within its policy: no inline script or style, no handler attributes, no eval. */
    @Test
    void theFilesHoldNothingThePolicyWouldBlock() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern styleAttribute = Pattern.compile("<[^>]+\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);
        Pattern localStorage = Pattern.compile("localStorage");
        Pattern unsafeSinks = Pattern.compile("\\beval\\(|new Function\\(|document\\.write|insertAdjacentHTML|outerHTML\\s*=");
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                String name = CONSOLE.relativize(file).toString();
                assertTrue(ConsoleServlet.resourceOf(name).isPresent(), name + " would not be served");
                if (name.endsWith(".html")) {
                    assertFalse(inlineScript.matcher(text).find(), name + ": inline script");
                    assertFalse(handler.matcher(text).find(), name + ": event handler attribute");
                    assertFalse(styleAttribute.matcher(text).find(), name + ": inline style");
                }
                assertFalse(localStorage.matcher(text).find(), name + ": tokens never go to localStorage");
                assertFalse(unsafeSinks.matcher(text).find(), name + ": unsafe HTML or code sink");
                Matcher innerHtml = Pattern.compile("innerHTML\\s*=").matcher(text);
                while (innerHtml.find()) {
                    assertEquals("js/markdown.js", name, "only the sanitising renderer may assign innerHTML");
                }
            }
        }
    }

    @Test
    void thePolicyForbidsInlineCodeAndForeignOrigins() {
        String policy = ConsoleHeaders.CONTENT_SECURITY_POLICY;
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("*"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("require-trusted-types-for 'script'") && policy.endsWith("trusted-types dompurify"), policy);
    }
}
