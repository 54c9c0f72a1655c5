package dev.lantern.app.documents;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

/**
 * Documents and chunks in the database. Every read takes the {@link Viewer} and filters in the query
 * itself: owner, or shared with everyone, or (for an administrator) anything. A document's chunks are written
 * in the same transaction that marks it ready, so a document is searchable whole or not at all.
 */
@Stateless
public class DocumentRepository {

    private static final String VISIBLE = "(d.ownerId = :subject OR d.shared = true OR :admin = true)";

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    /** Grounded answers of a scope are dropped whenever its documents change (issue 10). */
    @Inject
    Event<DocumentsChanged> changes;

    public Optional<Document> findVisible(String id, Viewer viewer) {
        return em.createQuery("SELECT d FROM Document d WHERE d.id = :id AND " + VISIBLE, Document.class)
                .setParameter("id", id).setParameter("subject", viewer.subject())
                .setParameter("admin", viewer.admin()).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The viewer's own documents; with {@code everyone} (administrators only), all documents. */
    public List<Document> list(Viewer viewer, boolean everyone) {
        boolean all = everyone && viewer.admin();
        return em.createQuery("SELECT d FROM Document d WHERE (d.ownerId = :subject OR :all = true) "
                        + "ORDER BY d.uploadedAt DESC, d.id", Document.class)
                .setParameter("subject", viewer.subject()).setParameter("all", all).getResultList();
    }

    public Optional<Document> findByOwnerAndHash(String ownerId, String sha256) {
        return em.createQuery("SELECT d FROM Document d WHERE d.ownerId = :owner AND d.contentHash = :hash",
                        Document.class)
                .setParameter("owner", ownerId).setParameter("hash", sha256).setMaxResults(1).getResultList().stream()
                .findFirst();
    }

    /** Chunks by id, in no particular order, restricted to what the viewer may see. */
    public List<DocumentChunk> visibleChunks(List<Long> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM DocumentChunk c JOIN FETCH c.document d WHERE c.id IN :ids AND "
                        + VISIBLE, DocumentChunk.class)
                .setParameter("ids", ids).setParameter("subject", viewer.subject())
                .setParameter("admin", viewer.admin()).getResultList();
    }

    /** A new document and all its chunks, in one transaction: the synchronous path. */
    public Document createReady(Document document, List<DocumentChunk> chunks, long characters) {
        em.persist(document);
        chunks.forEach(em::persist);
        document.markReady(chunks.size(), characters, now());
        em.flush();
        documentsChanged(document);
        return document;
    }

    /** A document that the background will fill; its own transaction, committed before the upload answers. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Document createProcessing(Document document) {
        em.persist(document);
        em.flush();
        return document;
    }

    /**
     * Stores a processed document's chunks and marks it ready, in one transaction. False (and nothing
     * stored) when the document was deleted or failed meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean completeProcessing(String id, ChunkFactory chunks, long characters) {
        Document document = em.find(Document.class, id);
        if (document == null || document.status() != DocumentStatus.PROCESSING) {
            return false;
        }
        List<DocumentChunk> rows = chunks.create(document);
        rows.forEach(em::persist);
        document.markReady(rows.size(), characters, now());
        documentsChanged(document);
        return true;
    }

    /** Builds the chunk rows of a document once it is loaded in the storing transaction. */
    @FunctionalInterface
    public interface ChunkFactory {
        List<DocumentChunk> create(Document document);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(String id, int percent) {
        em.createQuery("UPDATE Document d SET d.progress = :p, d.updatedAt = :now WHERE d.id = :id "
                        + "AND d.status = :processing")
                .setParameter("p", percent).setParameter("now", now()).setParameter("id", id)
                .setParameter("processing", DocumentStatus.PROCESSING).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String id, String code, String message) {
        em.createQuery("UPDATE Document d SET d.status = :failed, d.errorCode = :code, d.errorMessage = :message, "
                        + "d.updatedAt = :now WHERE d.id = :id AND d.status = :processing")
                .setParameter("failed", DocumentStatus.FAILED).setParameter("code", code)
                .setParameter("message", message.length() > 500 ? message.substring(0, 500) : message)
                .setParameter("now", now()).setParameter("id", id)
                .setParameter("processing", DocumentStatus.PROCESSING).executeUpdate();
    }

    /** Marks documents whose processing stopped making progress (a crash, a restart) as failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int failStale(OffsetDateTime before) {
        return em.createQuery("UPDATE Document d SET d.status = :failed, d.errorCode = 'DOCUMENT_PROCESSING_ERROR', "
                        + "d.errorMessage = 'Processing was interrupted (server restart): upload the file again.', "
                        + "d.updatedAt = :now WHERE d.status = :processing AND d.updatedAt < :before")
                .setParameter("failed", DocumentStatus.FAILED).setParameter("processing", DocumentStatus.PROCESSING)
                .setParameter("now", now()).setParameter("before", before).executeUpdate();
    }

    /**
     * Deletes a document the viewer owns (or any, for an administrator), its chunks and their index entries.
     * The chunks go in one bulk statement; their index entries are purged when the transaction commits.
     */
    public boolean delete(String id, Viewer viewer) {
        Document document = em.find(Document.class, id);
        if (document == null || !(viewer.admin() || document.ownerId().equals(viewer.subject()))) {
            return false;
        }
        List<Long> chunkIds = em.createQuery("SELECT c.id FROM DocumentChunk c WHERE c.document.id = :id", Long.class)
                .setParameter("id", id).getResultList();
        SearchIndexingPlan plan = Search.session(em).indexingPlan();
        chunkIds.forEach(chunkId -> plan.purge(DocumentChunk.class, chunkId, null));
        em.createQuery("DELETE FROM DocumentChunk c WHERE c.document.id = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM Document d WHERE d.id = :id").setParameter("id", id).executeUpdate();
        documentsChanged(document);
        return true;
    }

    /** Shares a document with everyone, or stops sharing it; administrators only. */
    public Optional<Document> share(String id, boolean shared, Viewer viewer) {
        if (!viewer.admin()) {
            return Optional.empty();
        }
        Document document = em.find(Document.class, id);
        if (document != null) {
            document.share(shared, now());
            changes.fire(DocumentsChanged.forEveryone()); // shared or no longer: every user's answers may change
        }
        return Optional.ofNullable(document);
    }

    /** How many chunks there are and the highest id: changes with every upload and every deletion. */
    public record ChunkState(long count, long maxId) {
    }

    public ChunkState chunkState() {
        Object[] row = em.createQuery("SELECT COUNT(c), MAX(c.id) FROM DocumentChunk c", Object[].class)
                .getSingleResult();
        return new ChunkState(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    private void documentsChanged(Document document) {
        changes.fire(DocumentsChanged.of(document));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
