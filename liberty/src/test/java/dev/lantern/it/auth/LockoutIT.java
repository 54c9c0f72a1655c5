package dev.lantern.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
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
 * until the lockout ends; the IT server's lockout lasts 20 s (lantern-it.env), the default 15 minutes. Each
 * test logs in from an address of its own (X-Forwarded-For; loopback is a trusted proxy of the IT server), so
 * that the address lockout (20) counts only its attempts.
 */
class LockoutIT {

    /** The IT server's lockout window (lantern-it.env). */
    private static final Duration WINDOW = Duration.ofSeconds(20);

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
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW.toSeconds(), "Retry-After " + retryAfter);
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
        assertAtMostAllowedPerWindow(5, 40, i -> login(user[1], "wrong-password-" + i, address));
    }

    /** An IPv6 client has a /64 to choose addresses from: the address lockout (20) counts the /64. */
    @Test
    void theAddressLockoutCountsAnIpv6ClientByItsSlash64() throws Exception {
        String prefix = String.format("2001:db8:%x:%x::", ThreadLocalRandom.current().nextInt(0x10000),
                ThreadLocalRandom.current().nextInt(0x10000));
        assertAtMostAllowedPerWindow(20, 25, i -> login("nobody-" + UUID.randomUUID() + "@example.com",
                "wrong-password", prefix + Integer.toHexString(i + 1)));
    }

    /**
     * Sends {@code sent} failing logins at once; at most {@code allowed} may be evaluated (401) in each lockout
     * window the burst spans (a window starts with the first attempt of a fresh account or address, so a burst
     * shorter than a window falls in one), the others are refused (429).
     */
    private static void assertAtMostAllowedPerWindow(int allowed, int sent, Attempt attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sent);
        List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            int index = i;
            attempts.add(pool.submit(() -> {
                start.await();
                return attempt.send(index);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int evaluated = 0;
        for (Future<HttpResponse<String>> future : attempts) {
            HttpResponse<String> response = future.get();
            if (response.statusCode() == 401) {
                evaluated++;
            } else {
                AuthClient.assertError(response, 429, "RATE_LIMITED");
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        pool.shutdown();
        long windows = took.toMillis() / WINDOW.toMillis() + 1;
        assertTrue(evaluated <= allowed * windows, evaluated + " of " + sent + " attempts sent at once were evaluated in "
                + took.toMillis() + " ms; the lockout allows " + allowed + " per window of " + WINDOW.toSeconds() + " s");
    }

    private interface Attempt {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static HttpResponse<String> login(String email, String password, String address) throws Exception {
        return AuthClient.call("POST", LanternServer.baseUrl(), "/login", null,
                Map.of("email", email, "password", password), Map.of("X-Forwarded-For", address));
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
