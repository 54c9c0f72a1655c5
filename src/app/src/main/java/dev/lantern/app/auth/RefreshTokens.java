package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Refresh tokens: issued at login, rotated at every refresh (the presented one is marked used in the same
 * statement that checks it was unused, so two concurrent refreshes cannot both win), and revoked by family
 * at logout or when a used or revoked token is presented again (a sign it was stolen). A family with a
 * revoked token is dead as a whole: when the same token is presented several times at once, the losers
 * revoke the family while the winner's next token may not be committed yet, so their revocation misses it;
 * that token is refused when it is presented. Failures are answered 401 and do not roll back the revocation.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = LanternException.class)
public class RefreshTokens {

    static final String PREFIX = "lrt_";

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    @Inject
    AuthSettings settings;

    @Inject
    SecurityEvents events;

    /** A new token in a new family (a login). */
    public String issue(UserAccount user) {
        return issue(user.id(), UUID.randomUUID().toString());
    }

    /** The owner of the presented token, which is now used; the caller issues the next one with {@link #next}. */
    public Rotation rotate(String presented, String address) {
        RefreshToken token = find(presented);
        if (token.usedOrRevoked() || familyRevoked(token.familyId())) {
            revokeFamily(token.familyId());
            events.record(SecurityEvents.Type.REFRESH_TOKEN_REUSED, token.userId(), address);
            throw invalid();
        }
        if (token.expiresAt().isBefore(Instant.now())) {
            throw invalid();
        }
        int marked = em.createQuery("UPDATE RefreshToken t SET t.usedAt = :now "
                        + "WHERE t.id = :id AND t.usedAt IS NULL AND t.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("id", token.id()).executeUpdate();
        if (marked == 0) {
            revokeFamily(token.familyId());
            events.record(SecurityEvents.Type.REFRESH_TOKEN_REUSED, token.userId(), address);
            throw invalid();
        }
        return new Rotation(token.userId(), token.familyId());
    }

    /** The next token of a family, after {@link #rotate}. */
    public String next(Rotation rotation) {
        return issue(rotation.userId(), rotation.familyId());
    }

    /** Revokes the presented token's family; an unknown token is ignored (logout always succeeds). */
    public void revoke(String presented) {
        em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", Secrets.sha256(presented)).setMaxResults(1).getResultList().stream().findFirst()
                .ifPresent(token -> revokeFamily(token.familyId()));
    }

    /** Revokes every token of a user (disabled, or password reset). */
    public void revokeAll(String userId) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.userId = :user AND t.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("user", userId).executeUpdate();
    }

    private String issue(String userId, String familyId) {
        String value = Secrets.generate(PREFIX);
        Instant now = Instant.now();
        em.persist(new RefreshToken(userId, familyId, Secrets.sha256(value), now,
                now.plus(settings.refreshTokenLifetime())));
        return value;
    }

    private RefreshToken find(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            throw invalid();
        }
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", Secrets.sha256(presented)).setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(RefreshTokens::invalid);
    }

    private boolean familyRevoked(String familyId) {
        return em.createQuery("SELECT COUNT(t) FROM RefreshToken t WHERE t.familyId = :family "
                + "AND t.revokedAt IS NOT NULL", Long.class).setParameter("family", familyId).getSingleResult() > 0;
    }

    private void revokeFamily(String familyId) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.familyId = :family AND t.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("family", familyId).executeUpdate();
    }

    private static LanternException invalid() {
        return new LanternException(ErrorCode.UNAUTHORIZED, "The refresh token is not valid: log in again.");
    }

    /** A rotated token's owner and family. */
    public record Rotation(String userId, String familyId) {
    }
}
