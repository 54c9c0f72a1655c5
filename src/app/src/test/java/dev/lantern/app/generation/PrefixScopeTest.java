package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.app.identity.CallerIdentity;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who shares cached prompt prefixes: each user alone by default, everyone with global, never across templates. */
class PrefixScopeTest {
    private static final CallerIdentity ALICE = new CallerIdentity("a1", "alice@x", Set.of("user"), Optional.empty());
    private static final CallerIdentity ALICE_BY_KEY = new CallerIdentity("a1", "alice@x", Set.of("user"),
            Optional.of("key-1"));
    private static final CallerIdentity BOB = new CallerIdentity("b2", "bob@x", Set.of("user"), Optional.empty());

    @Test
    void userScopeKeepsUsersApartButNotTheirSessionsAndKeys() {
        PrefixScope scope = PrefixScope.parse("user");
        assertNotEquals(scope.of(ALICE, "model"), scope.of(BOB, "model"));
        assertEquals(scope.of(ALICE, "model"), scope.of(ALICE_BY_KEY, "model"));
    }

    @Test
    void globalScopeSharesAcrossUsers() {
        PrefixScope scope = PrefixScope.parse(" GLOBAL ");
        assertEquals(scope.of(ALICE, "model"), scope.of(BOB, "model"));
    }

    @Test
    void theTemplateIsAlwaysPartOfTheScope() {
        for (PrefixScope scope : PrefixScope.values()) {
            assertNotEquals(scope.of(ALICE, "model"), scope.of(ALICE, "request:ab12"));
        }
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrefixScope.parse("tenant"));
    }
}
