package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Repeated failed logins lock the account (429 RATE_LIMITED with Retry-After, even for the right password)
 * until the lockout ends; the IT server's lockout lasts 4 s (lantern-it.env), the default 15 minutes.
 */
class LockoutIT {

    @Test
    void fiveFailuresLockTheAccountUntilTheLockoutEnds() throws Exception {
        String[] user = AuthClient.newUser("user");
        for (int i = 0; i < 5; i++) {
            AuthClient.assertError(AuthClient.login(user[1], "wrong-password-" + i), 401, "INVALID_CREDENTIALS");
        }
        HttpResponse<String> locked = AuthClient.login(user[1], user[2]);
        JsonNode error = AuthClient.assertError(locked, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "Retry-After " + retryAfter);
        assertTrue(error.path("message").asText().contains("try again"), error.toString());
        assertTrue(Files.readString(LanternServer.messagesLog()).contains("SECURITY locked_out account=" + user[0]),
                "lockout logged as a security event naming the account id");

        Thread.sleep((retryAfter + 1) * 1000);
        assertEquals(200, AuthClient.login(user[1], user[2]).statusCode(), "the lockout has ended");
    }
}
