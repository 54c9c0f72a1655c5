package dev.lantern.app.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;

/**
 * Rebuilds the search index from the database (the chunks and their embeddings are the source of truth):
 * Hibernate Search's mass indexer purges the index and re-indexes every chunk, on the managed executor, and
 * merges the new index into one segment (see {@link IndexCompaction}). One
 * rebuild at a time; searches during it see a partial index. Started by an administrator
 * ({@code POST /admin/documents/reindex}) or at start-up when the index and the database disagree.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());

    /** A rebuild's state: {@code idle}, {@code running}, {@code done} or {@code failed}. */
    public record Status(@JsonbProperty("state") String state,
                         @JsonbProperty("started_at") String startedAt,
                         @JsonbProperty("finished_at") String finishedAt,
                         @JsonbProperty("chunks") Long chunks,
                         @JsonbProperty("message") String message) {
    }

    private final AtomicReference<Status> status = new AtomicReference<>(new Status("idle", null, null, null, null));

    @PersistenceUnit(unitName = "lantern")
    EntityManagerFactory entityManagerFactory;

    @Inject
    DocumentRepository repository;

    @Inject
    IndexCompaction compaction;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Starts a rebuild unless one is running; returns the current state. */
    public Status start() {
        Status current = status.get();
        if ("running".equals(current.state())) {
            return current;
        }
        Status running = new Status("running", Instant.now().toString(), null, null, null);
        if (!status.compareAndSet(current, running)) {
            return status.get();
        }
        executor.execute(() -> run(running));
        return running;
    }

    public Status status() {
        return status.get();
    }

    private void run(Status running) {
        try {
            Search.mapping(entityManagerFactory).scope(DocumentChunk.class).massIndexer()
                    .threadsToLoadObjects(1).batchSizeToLoadObjects(100).mergeSegmentsOnFinish(true).startAndWait();
            DocumentRepository.ChunkState state = repository.chunkState();
            compaction.compacted(state);
            long chunks = state.count();
            status.set(new Status("done", running.startedAt(), Instant.now().toString(), chunks,
                    "Indexed " + chunks + " chunks."));
            LOG.info(() -> "Search index rebuilt: " + chunks + " chunks");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.set(new Status("failed", running.startedAt(), Instant.now().toString(), null, "Interrupted."));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rebuilding the search index failed", e);
            status.set(new Status("failed", running.startedAt(), Instant.now().toString(), null,
                    "The rebuild failed; see the server log."));
        }
    }
}
