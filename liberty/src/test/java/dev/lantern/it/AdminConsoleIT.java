package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.auth.AuthClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Liberty admin console over HTTPS, for the administrator created at first start. The generated
 * password's file is checked first: changing the password (the last test) deletes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {

    @Test
    void consoleRedirectsToItsLoginPage() throws Exception {
        HttpResponse<String> response = LanternServer.client().send(
                HttpRequest.newBuilder(URI.create(LanternServer.httpsUrl() + "/adminCenter/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/adminCenter/login.jsp"), location);

        HttpResponse<String> login = LanternServer.client().send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("j_security_check"), "a login form");
    }

    @Test
    void administratorLogsInAndAWrongPasswordDoesNot() throws Exception {
        String[] admin = LanternServer.generatedAdministrator();
        assertEquals(302, login(admin[0], admin[1] + "x").statusCode());
        assertTrue(login(admin[0], admin[1] + "x").headers().firstValue("Location").orElse("")
                .contains("login"), "a wrong password goes back to the login page");

        HttpResponse<String> ok = login(admin[0], admin[1]);
        assertEquals(302, ok.statusCode());
        String target = ok.headers().firstValue("Location").orElse("");
        assertFalse(target.contains("loginError"), target);
    }

    @Test
    void passwordIsStoredOnlyAsAHash() throws Exception {
        String[] admin = LanternServer.generatedAdministrator();
        String account = Files.readString(LanternServer.serverDir()
                .resolve("configDropins/overrides/lantern-admin.xml"));
        assertTrue(account.contains("{hash}"), "hashed");
        assertFalse(account.contains(admin[1]), "never in clear");
    }

    /**
     * The generated password is shown where only the server's user can read it, never in a log that
     * operators ship elsewhere.
     */
    @Test
    @Order(1)
    void theGeneratedPasswordIsInAnOwnerOnlyFileAndInNoLog() throws Exception {
        String[] admin = LanternServer.generatedAdministrator();
        Path file = LanternServer.administratorFile(LanternServer.serverDir());
        boolean said = false;
        try (Stream<Path> logs = Files.list(LanternServer.messagesLog().getParent())) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(admin[1]), "password in " + log);
                said |= text.contains("Generated the administrator password for " + admin[0] + ": it is in " + file);
            }
        }
        assertTrue(said, "a log says where (a restart rolls messages.log over: every log is read)");
        assertTrue(Files.isRegularFile(file), "written to " + file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** The console is host-level control: it follows the account's password and its enabled flag at once. */
    @Test
    @Order(2)
    void theConsoleAccountFollowsThePasswordAndTheEnabledFlag() throws Exception {
        String[] admin = LanternServer.generatedAdministrator();
        String[] second = AuthClient.newUser("admin");
        String secondToken = AuthClient.tokens(second[1], second[2]).path("access_token").asText();
        String id = adminId(secondToken, admin[0]);
        try {
            post("/admin/users/" + id + "/password", secondToken, Map.of("password", "console-moves-along-1"));
            awaitConsole(admin[0], admin[1], false);
            awaitConsole(admin[0], "console-moves-along-1", true);

            post("/admin/users/" + id + "/disable", secondToken, null);
            awaitConsole(admin[0], "console-moves-along-1", false);
            post("/admin/users/" + id + "/enable", secondToken, null);
            awaitConsole(admin[0], "console-moves-along-1", true);
        } finally {
            post("/admin/users/" + id + "/enable", secondToken, null);
            post("/admin/users/" + id + "/password", secondToken, Map.of("password", admin[1]));
        }
        awaitConsole(admin[0], admin[1], true);
    }

    private static String adminId(String token, String email) throws Exception {
        for (JsonNode user : LanternServer.json(AuthClient.get("/admin/users", token))) {
            if (email.equals(user.path("email").asText())) {
                return user.path("id").asText();
            }
        }
        throw new AssertionError("no user " + email);
    }

    private static void post(String path, String token, Object body) throws Exception {
        HttpResponse<String> response = AuthClient.post(path, token, body);
        assertTrue(response.statusCode() / 100 == 2, path + ": " + response.body());
    }

    /** Liberty reads a changed configuration drop-in within seconds. */
    private static void awaitConsole(String user, String password, boolean accepted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        boolean last;
        do {
            last = !login(user, password).headers().firstValue("Location").orElse("").contains("login");
            if (last == accepted) {
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the console " + (accepted ? "refuses" : "still accepts") + " " + user
                + " with that password after 30 s");
    }

    private static HttpResponse<String> login(String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .sslContext(LanternServer.client().sslContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        client.send(HttpRequest.newBuilder(URI.create(LanternServer.httpsUrl() + "/adminCenter/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(LanternServer.httpsUrl() + "/adminCenter/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
