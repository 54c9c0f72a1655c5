package dev.lantern.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The users table. Emails are stored and looked up lower-cased, so the address is case-insensitive. */
@ApplicationScoped
@Transactional
public class UserRepository {

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<UserAccount> findByEmail(String email) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email", UserAccount.class)
                .setParameter("email", normalise(email)).setMaxResults(1).getResultList().stream().findFirst();
    }

    public Optional<UserAccount> findById(String id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    public List<UserAccount> list() {
        return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.createdAt", UserAccount.class).getResultList();
    }

    public UserAccount add(UserAccount user) {
        em.persist(user);
        em.flush();
        return user;
    }

    public UserAccount save(UserAccount user) {
        return em.merge(user);
    }
}
