package dev.lantern.app.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /console/*}: the console's files. JAX-RS owns {@code /*} (its application path is {@code /}), so
 * the container's static-file servlet never sees a request; this more specific mapping wins over it. Only
 * names of the console's own shape are served (letters, digits, dashes, one known extension), from the
 * WAR's {@code /console/} folder, or for {@code vendor/} from the WebJars' {@code META-INF/resources}. Every
 * answer carries {@link ConsoleHeaders}; anything else is the catalogue's 404.
 */
@WebServlet(urlPatterns = {"/console", "/console/*"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+(?:/[a-z0-9-]+)?\\.(html|js|css|svg)");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // "/console" without its slash: the page's relative module imports need the folder's URL.
            ConsoleHeaders.apply(response);
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/console/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Optional<String> resource = resourceOf(name);
        InputStream in = resource.map(r -> getServletContext().getResourceAsStream(r)).orElse(null);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            ConsoleHeaders.apply(response);
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            in.transferTo(response.getOutputStream());
        }
    }

    /** The WAR resource that serves a console file name, if the name is one the console may have. */
    static Optional<String> resourceOf(String name) {
        if (!FILE.matcher(name).matches()) {
            return Optional.empty();
        }
        if (name.startsWith("vendor/")) {
            return Optional.ofNullable(ConsoleLibraries.FILES.get(name.substring("vendor/".length())));
        }
        return Optional.of("/console/" + name);
    }
}
