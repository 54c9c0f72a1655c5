package dev.lantern.it.generation;

/**
 * The bearer token the generation tests send. Until authentication is on the generation endpoints this is
 * null (no header).
 */
final class TestUsers {

    private TestUsers() {
    }

    static String userToken() {
        return null;
    }
}
