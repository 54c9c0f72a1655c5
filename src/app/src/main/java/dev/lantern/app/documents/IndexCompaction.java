package dev.lantern.app.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;

/**
 * Merges the chunk index into as few segments as it can once documents stopped changing. Every upload is
 * committed as a new Lucene segment, and a k-NN query searches each segment's vector graph in turn: measured
 * at 100,000 chunks (bench/documents/search.sh), 68 segments as indexed answered in a 36 ms median, one
 * merged segment in 1.8 ms, with a better recall. Lucene's background merges keep up with text, but
 * rebuilding vector graphs is slow, so the index is compacted here when the chunks changed since the last
 * compaction (their count or highest id), one compaction at a time. Searches go on during it and see the
 * merged segments when it ends.
 */
@ApplicationScoped
public class IndexCompaction {

    private static final Logger LOG = Logger.getLogger(IndexCompaction.class.getName());

    @PersistenceUnit(unitName = "lantern")
    EntityManagerFactory entityManagerFactory;

    @Inject
    DocumentRepository repository;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile DocumentRepository.ChunkState compacted;

    /** Compacts when the chunks changed since the last compaction; false when there was nothing to do. */
    public boolean compactIfChanged() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            DocumentRepository.ChunkState now = repository.chunkState();
            if (now.equals(compacted) || now.count() == 0) {
                return false;
            }
            long start = System.nanoTime();
            Search.mapping(entityManagerFactory).scope(DocumentChunk.class).workspace().mergeSegments();
            compacted = now;
            LOG.info(() -> "Search index compacted (" + now.count() + " chunks) in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Compacting the search index failed; searches still work, more slowly", e);
            return false;
        } finally {
            running.set(false);
        }
    }

    /** After a rebuild, which merges on its own: nothing to compact until the chunks change again. */
    void compacted(DocumentRepository.ChunkState state) {
        compacted = state;
    }
}
