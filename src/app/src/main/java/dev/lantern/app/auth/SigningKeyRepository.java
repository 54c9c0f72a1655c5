package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The stored signing keys, newest first (revoked ones included: they must be known to be refused). */
@ApplicationScoped
@Transactional
public class SigningKeyRepository {

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    public List<SigningKey> newestFirst() {
        return em.createQuery("SELECT k FROM SigningKey k ORDER BY k.createdAt DESC", SigningKey.class)
                .setMaxResults(20).getResultList();
    }

    public void add(SigningKey key) {
        em.persist(key);
    }

    /** Revokes every key but {@code kept}; returns the kids revoked now. */
    public List<String> revokeAllBut(String kept) {
        List<String> revoked = em.createQuery("SELECT k.kid FROM SigningKey k WHERE k.kid <> :kept AND k.revokedAt IS NULL",
                String.class).setParameter("kept", kept).getResultList();
        em.createQuery("UPDATE SigningKey k SET k.revokedAt = :now WHERE k.kid <> :kept AND k.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("kept", kept).executeUpdate();
        return revoked;
    }
}
