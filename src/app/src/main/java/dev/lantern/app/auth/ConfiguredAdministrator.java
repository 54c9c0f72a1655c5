package dev.lantern.app.auth;

import java.util.Optional;

/**
 * The first administrator as the operator configured it ({@code LANTERN_ADMIN_EMAIL}, {@code LANTERN_ADMIN_PASSWORD});
 * both may be absent (a default email, a generated password). Its text never shows the password.
 */
public record ConfiguredAdministrator(Optional<String> email, Optional<String> password) {

    @Override
    public String toString() {
        return "ConfiguredAdministrator[email=" + email.orElse("(default)") + ", password="
                + (password.isPresent() ? "(set)" : "(generated)") + "]";
    }
}
