package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The stored signing keys, newest first. */
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
}
