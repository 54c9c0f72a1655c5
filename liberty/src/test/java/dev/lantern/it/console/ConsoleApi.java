package dev.lantern.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.it.LanternServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the console tests do beside the browser: make users, call the API directly, read the metrics. */
final class ConsoleApi {

    static final String PASSWORD = "Console-e2e-Passw0rd!";
    private static String adminToken;

    private ConsoleApi() {
    }

    /** A new account of the given role: {id, email}. Its password is {@link #PASSWORD}. */
    static String[] newUser(String role) throws Exception {
        String email = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = json("POST", "/admin/users", adminToken(),
                Map.of("email", email, "password", PASSWORD, "roles", List.of(role)));
        assertEquals(201, created.statusCode(), created.body());
        return new String[] {LanternServer.json(created).path("id").asText(), email};
    }

    static synchronized String adminToken() throws Exception {
        if (adminToken == null) {
            String[] admin = LanternServer.generatedAdministrator();
            adminToken = login(admin[0], admin[1]);
        }
        return adminToken;
    }

    static String login(String email, String password) throws Exception {
        HttpResponse<String> response = json("POST", "/login", null, Map.of("email", email, "password", password));
        assertEquals(200, response.statusCode(), response.body());
        return LanternServer.json(response).path("access_token").asText();
    }

    static HttpResponse<String> json(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + path))
                .timeout(Duration.ofSeconds(120)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(body)));
        }
        return LanternServer.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a Prometheus counter's series whose labels contain {@code labelFilter}. */
    static double metric(String name, String labelFilter) throws Exception {
        String text = LanternServer.get("/metrics").body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)").matcher(text);
        double sum = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains(labelFilter)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }
}
