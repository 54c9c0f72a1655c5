package dev.lantern.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first administrator also holds the Liberty admin console (host-level control): no weak password. */
class AdminCredentialsTest {

    @Test
    void aWeakConfiguredPasswordIsRefused() {
        for (String weak : new String[] {"short1!", "aaaaaaaaaaaaaaaa", "abababababab", "Password1234!",
                "changeme-changeme", "lantern-admin-2024", "12345678901234"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AdminCredentials.from(Optional.empty(), Optional.of(weak)), weak);
            assertTrue(refused.getMessage().contains("LANTERN_ADMIN_PASSWORD"), refused.getMessage());
            assertFalse(refused.getMessage().contains(weak), "the password is never in a message");
        }
    }

    @Test
    void aStrongConfiguredPasswordIsTaken() {
        AdminCredentials credentials = AdminCredentials.from(Optional.of("ops@example.com"),
                Optional.of("correct horse battery staple"));
        assertEquals("ops@example.com", credentials.email());
        assertFalse(credentials.generated());
    }

    @Test
    void aGeneratedPasswordIsStrong() {
        AdminCredentials credentials = AdminCredentials.from(Optional.empty(), Optional.empty());
        assertTrue(credentials.generated());
        assertEquals(24, credentials.password().length);
        assertTrue(AdminCredentials.weakness(credentials.password()).isEmpty());
    }
}
