package dev.lantern.app.statistics;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/** The persisted error counts: one row per code, endpoint and hour. */
@Stateless
public class ErrorStatisticsRepository {

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    /**
     * Adds to one hour's count in a transaction of its own, so that recording never joins (or rolls back
     * with) the work that failed. A concurrent first insert of the same key fails on the unique constraint;
     * the caller retries and then updates.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(String code, String endpoint, OffsetDateTime hourStart, long count) {
        int updated = em.createQuery("UPDATE ErrorStatistic s SET s.errorCount = s.errorCount + :n "
                        + "WHERE s.code = :code AND s.endpoint = :endpoint AND s.hourStart = :hour")
                .setParameter("n", count).setParameter("code", code).setParameter("endpoint", endpoint)
                .setParameter("hour", hourStart).executeUpdate();
        if (updated == 0) {
            em.persist(new ErrorStatistic(code, endpoint, hourStart, count));
            em.flush();
        }
    }

    public List<Object[]> totalsByCode() {
        return em.createQuery("SELECT s.code, SUM(s.errorCount) FROM ErrorStatistic s GROUP BY s.code "
                + "ORDER BY s.code", Object[].class).getResultList();
    }

    public List<Object[]> totalsByEndpoint() {
        return em.createQuery("SELECT s.endpoint, s.code, SUM(s.errorCount) FROM ErrorStatistic s "
                + "GROUP BY s.endpoint, s.code ORDER BY s.endpoint, s.code", Object[].class).getResultList();
    }

    public List<Object[]> hourlySince(OffsetDateTime since) {
        return em.createQuery("SELECT s.hourStart, s.code, SUM(s.errorCount) FROM ErrorStatistic s "
                        + "WHERE s.hourStart >= :since GROUP BY s.hourStart, s.code ORDER BY s.hourStart, s.code",
                Object[].class).setParameter("since", since).getResultList();
    }
}
