package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Repeated failed logins lock the account (429 RATE_LIMITED with Retry-After, even for the right password)
 * until the lockout ends; the IT server's lockout lasts 4 s (lantern-it.env), the default 15 minutes. Each
 * test logs in from an address of its own (X-Forwarded-For; loopback is a trusted proxy of the IT server), so
 * that the address lockout (20) counts only its attempts.
 */
class LockoutIT {

    @Test
    void fiveFailuresLockTheAccountUntilTheLockoutEnds() throws Exception {
        String[] user = AuthClient.newUser("user");
        String address = address();
        for (int i = 0; i < 5; i++) {
            AuthClient.assertError(login(user[1], "wrong-password-" + i, address), 401, "INVALID_CREDENTIALS");
        }
        HttpResponse<String> locked = login(user[1], user[2], address);
        JsonNode error = AuthClient.assertError(locked, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "Retry-After " + retryAfter);
        assertTrue(error.path("message").asText().contains("try again"), error.toString());
        assertTrue(Files.readString(LanternServer.messagesLog()).contains("SECURITY locked_out account=" + user[0]),
                "lockout logged as a security event naming the account id");

        Thread.sleep((retryAfter + 1) * 1000);
        assertEquals(200, login(user[1], user[2], address).statusCode(), "the lockout has ended");
    }

    /**
     * Each attempt is counted before its password is hashed (600,000 iterations): sent all at once, 40 wrong
     * passwords for one account must not all be evaluated before the first failure is counted.
     */
    @Test
    void parallelGuessesAreEvaluatedAtMostAsOftenAsTheLockoutAllows() throws Exception {
        String[] user = AuthClient.newUser("user");
        String address = address();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String guess = "wrong-password-" + i;
            guesses.add(pool.submit(() -> {
                start.await();
                return login(user[1], guess, address);
            }));
        }
        start.countDown();
        int evaluated = 0;
        for (Future<HttpResponse<String>> guess : guesses) {
            HttpResponse<String> response = guess.get();
            if (response.statusCode() == 401) {
                evaluated++;
            } else {
                AuthClient.assertError(response, 429, "RATE_LIMITED");
            }
        }
        pool.shutdown();
        assertTrue(evaluated <= 5, evaluated + " of 40 parallel guesses were evaluated; the lockout allows 5");
    }

    /** An IPv6 client has a /64 to choose addresses from: the address lockout counts the /64. */
    @Test
    void theAddressLockoutCountsAnIpv6ClientByItsSlash64() throws Exception {
        String prefix = String.format("2001:db8:%x:%x:", ThreadLocalRandom.current().nextInt(0x10000),
                ThreadLocalRandom.current().nextInt(0x10000));
        for (int i = 0; i < 20; i++) {
            AuthClient.assertError(login("nobody-" + UUID.randomUUID() + "@example.com", "wrong-password",
                    prefix + ":" + Integer.toHexString(i + 1)), 401, "INVALID_CREDENTIALS");
        }
        AuthClient.assertError(login("nobody-" + UUID.randomUUID() + "@example.com", "wrong-password",
                prefix + "abcd:1234:5678:9abc"), 429, "RATE_LIMITED");
    }

    private static HttpResponse<String> login(String email, String password, String address) throws Exception {
        return AuthClient.call("POST", LanternServer.baseUrl(), "/login", null,
                Map.of("email", email, "password", password), Map.of("X-Forwarded-For", address));
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
