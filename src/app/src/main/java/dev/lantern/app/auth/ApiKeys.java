package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: created for the caller (the value is returned once, only its hash is kept), listed, revoked,
 * and resolved to their owner for authentication. A resolved key is cached for {@value #TTL_SECONDS} seconds
 * so that a request costs no query; revoking on this server takes effect at once, on others within that time.
 */
@ApplicationScoped
public class ApiKeys {

    static final String PREFIX = "lk_";
    static final long TTL_SECONDS = 10;
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    @Inject
    UserRepository users;

    /** Whether a bearer value is shaped like one of our API keys (not a JWT). */
    public static boolean looksLikeKey(String bearer) {
        return bearer.startsWith(PREFIX) && bearer.length() <= 100;
    }

    /**
     * A new key for the caller, who must hold a password session: an API key that could mint keys would let a
     * stolen one outlive its revocation, and a provider's users have no Lantern account to own one.
     */
    @Transactional
    public Created create(CallerIdentity owner, String name) {
        if (owner.isFromIdentityProvider()) {
            throw new LanternException(ErrorCode.FORBIDDEN, "API keys belong to Lantern accounts: users of the "
                    + "identity provider authenticate with the provider's tokens.");
        }
        if (!owner.hasPasswordSession()) {
            throw new LanternException(ErrorCode.FORBIDDEN, "An API key cannot create API keys: use an access token "
                    + "from /login.");
        }
        String value = Secrets.generate(PREFIX);
        ApiKey key = new ApiKey(owner.subject(), name.strip(), Secrets.sha256(value));
        em.persist(key);
        return new Created(key, value);
    }

    @Transactional
    public List<ApiKey> list(CallerIdentity owner) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.userId = :user AND k.revokedAt IS NULL "
                + "ORDER BY k.createdAt", ApiKey.class).setParameter("user", owner.subject()).getResultList();
    }

    /** Revokes one of the caller's keys (an administrator may revoke anyone's); 404 otherwise. */
    @Transactional
    public void revoke(CallerIdentity caller, String id) {
        ApiKey key = id == null || id.length() > 36 ? null : em.find(ApiKey.class, id);
        if (key == null || key.revoked() || !(key.userId().equals(caller.subject()) || caller.isAdmin())) {
            throw new LanternException(ErrorCode.NOT_FOUND, "No such API key.");
        }
        key.revoke();
        cache.values().removeIf(cached -> cached.identity().apiKeyId().orElse("").equals(id));
    }

    /** Revokes every key of a user (their password was changed), on this server at once. */
    @Transactional
    public void revokeAll(String userId) {
        em.createQuery("UPDATE ApiKey k SET k.revokedAt = :now WHERE k.userId = :user AND k.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("user", userId).executeUpdate();
        forgetUser(userId);
    }

    /** Drops the cached keys of a user (disabled or enabled on this server). */
    public void forgetUser(String userId) {
        cache.values().removeIf(cached -> userId.equals(cached.identity().subject()));
    }

    /**
     * The identity a key acts as: its owner's, while both the key and the owner are active. No transaction:
     * it runs on every request authenticated by a key, and mostly answers from the cache.
     */
    public Optional<CallerIdentity> authenticate(String value) {
        String hash = Secrets.sha256(value);
        Instant now = Instant.now();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expires().isAfter(now)) {
            return Optional.of(cached.identity());
        }
        Optional<CallerIdentity> identity = em.createQuery(
                        "SELECT k FROM ApiKey k WHERE k.keyHash = :hash AND k.revokedAt IS NULL", ApiKey.class)
                .setParameter("hash", hash).setMaxResults(1).getResultList().stream().findFirst()
                .flatMap(key -> users.findById(key.userId()).filter(UserAccount::enabled)
                        .map(user -> new CallerIdentity(user.id(), user.email(), user.roles(), Optional.of(key.id()))));
        if (identity.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(hash, new Cached(identity.get(), now.plus(Duration.ofSeconds(TTL_SECONDS))));
        } else {
            cache.remove(hash);
        }
        return identity;
    }

    /** A new key and its value, which is shown once. */
    public record Created(ApiKey key, String value) {
        @Override
        public String toString() {
            return "Created[id=" + key.id() + "]";
        }
    }

    private record Cached(CallerIdentity identity, Instant expires) {
    }
}
