package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a user may still act, for access tokens already issued: a disabled account's tokens stop working
 * within {@value #TTL_SECONDS} seconds on every server (at once on the server that disabled it), rather
 * than at their expiry. The answer is cached briefly so that a request costs no query.
 */
@ApplicationScoped
public class ActiveUsers {

    static final long TTL_SECONDS = 10;
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    @Inject
    UserRepository users;

    public boolean isEnabled(String userId) {
        Instant now = Instant.now();
        Entry entry = cache.get(userId);
        if (entry == null || entry.expires().isBefore(now)) {
            boolean enabled = users.findById(userId).map(UserAccount::enabled).orElse(false);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            entry = new Entry(enabled, now.plus(Duration.ofSeconds(TTL_SECONDS)));
            cache.put(userId, entry);
        }
        return entry.enabled();
    }

    /** Forgets a user's cached state (after disabling or enabling on this server). */
    public void forget(String userId) {
        cache.remove(userId);
    }

    private record Entry(boolean enabled, Instant expires) {
    }
}
