package dev.lantern.app.auth;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The first administrator's credentials: from {@code LANTERN_ADMIN_EMAIL} / {@code LANTERN_ADMIN_PASSWORD},
 * or a generated password when none is configured. The account also holds the Liberty admin console (and its
 * JMX REST connector: control of the host's server), so a weak configured password stops the start-up.
 */
public record AdminCredentials(String email, char[] password, boolean generated) {

    static final String DEFAULT_EMAIL = "admin@lantern.local";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;
    private static final int MIN_DISTINCT = 6;
    /** Words that the first guesses of any attack try, in any case, anywhere in the password. */
    private static final List<String> GUESSED = List.of("password", "passw0rd", "changeme", "qwerty", "letmein",
            "welcome", "admin", "lantern", "123456", "abcdef");

    /** @throws IllegalStateException when the configured password is weak (the message never holds it) */
    static AdminCredentials from(Optional<String> email, Optional<String> password) {
        String address = email.filter(e -> !e.isBlank()).orElse(DEFAULT_EMAIL).trim();
        Optional<String> configured = password.filter(p -> !p.isEmpty());
        if (configured.isEmpty()) {
            return new AdminCredentials(address, generatePassword(), true);
        }
        char[] chosen = configured.get().toCharArray();
        weakness(chosen).ifPresent(reason -> {
            throw new IllegalStateException("LANTERN_ADMIN_PASSWORD is refused: " + reason + ". It is also the "
                    + "Liberty admin console's password; choose a long passphrase, or unset it to have one generated.");
        });
        return new AdminCredentials(address, chosen, false);
    }

    /** Why a password is too weak for the first administrator, if it is. */
    static Optional<String> weakness(char[] password) {
        if (password.length < UserAdministration.MIN_PASSWORD || password.length > UserAdministration.MAX_PASSWORD) {
            return Optional.of("it must have " + UserAdministration.MIN_PASSWORD + " to "
                    + UserAdministration.MAX_PASSWORD + " characters");
        }
        String text = new String(password);
        if (text.chars().distinct().count() < MIN_DISTINCT) {
            return Optional.of("it must use at least " + MIN_DISTINCT + " different characters");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (GUESSED.stream().anyMatch(lower::contains)) {
            return Optional.of("it contains a word that is guessed first (such as \"password\", \"admin\" or \"123456\")");
        }
        return Optional.empty();
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
