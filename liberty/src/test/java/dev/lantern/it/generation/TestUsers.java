package dev.lantern.it.generation;

import dev.lantern.it.auth.AuthClient;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens for the generation tests. Most tests act as the first administrator, whom the generation
 * rate limits exempt (the suite makes far more than 10 generations a minute); tests of roles, rate limits
 * and per-user caching log in as users of their own. Tokens are renewed well within their 15 minutes.
 */
final class TestUsers {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(10);
    private static String adminToken;
    private static Instant adminSince = Instant.EPOCH;

    private TestUsers() {
    }

    /** The token most generation tests send: the administrator's. */
    static synchronized String userToken() {
        if (adminToken == null || Instant.now().isAfter(adminSince.plus(RENEW_AFTER))) {
            try {
                String[] admin = dev.lantern.it.LanternServer.generatedAdministrator();
                adminToken = AuthClient.tokens(admin[0], admin[1]).path("access_token").asText();
                adminSince = Instant.now();
            } catch (Exception e) {
                throw new IllegalStateException("cannot log in as the administrator", e);
            }
        }
        return adminToken;
    }

    /** A new user of {@code role}, logged in: its access token. */
    static String newUserToken(String role) throws Exception {
        String[] user = AuthClient.newUser(role);
        return AuthClient.tokens(user[1], user[2]).path("access_token").asText();
    }
}
