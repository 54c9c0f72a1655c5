package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The Liberty admin console over HTTPS, for the administrator created at first start. */
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
