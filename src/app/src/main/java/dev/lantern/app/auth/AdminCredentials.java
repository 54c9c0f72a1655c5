package dev.lantern.app.auth;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first administrator's credentials: from {@code LANTERN_ADMIN_EMAIL} / {@code LANTERN_ADMIN_PASSWORD},
 * or a generated password when none is configured.
 */
public record AdminCredentials(String email, char[] password, boolean generated) {

    static final String DEFAULT_EMAIL = "admin@lantern.local";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;

    static AdminCredentials from(Optional<String> email, Optional<String> password) {
        String address = email.filter(e -> !e.isBlank()).orElse(DEFAULT_EMAIL).trim();
        return password.filter(p -> !p.isEmpty())
                .map(p -> new AdminCredentials(address, p.toCharArray(), false))
                .orElseGet(() -> new AdminCredentials(address, generatePassword(), true));
    }

    private static char[] generatePassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[GENERATED_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }

    @Override
    public String toString() {
        return "AdminCredentials[email=" + email + ", generated=" + generated + "]";
    }
}
