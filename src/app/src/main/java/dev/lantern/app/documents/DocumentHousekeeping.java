package dev.lantern.app.documents;

import dev.lantern.app.documents.retrieval.ChunkSearch;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps documents and the index consistent across restarts: at start-up, an index that does not hold as many
 * chunks as the database (a new or deleted index directory) is rebuilt; every minute, documents whose
 * background processing made no progress for {@code lantern.documents.stale-processing-after} (the server
 * that was processing them stopped) are marked failed, so no document stays "processing" forever; every
 * quarter of an hour, an index whose chunks changed is compacted ({@link IndexCompaction}; off with
 * {@code lantern.search.compaction=false}).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class DocumentHousekeeping {

    private static final Logger LOG = Logger.getLogger(DocumentHousekeeping.class.getName());

    @Inject
    DocumentRepository repository;

    @Inject
    ChunkSearch search;

    @Inject
    IndexRebuild rebuild;

    @Inject
    IndexCompaction compaction;

    @Inject
    DocumentSettings settings;

    @PostConstruct
    void checkIndex() {
        try {
            long stored = repository.chunkState().count();
            long indexed = search.indexedChunks();
            if (stored != indexed) {
                LOG.warning(() -> "The search index holds " + indexed + " chunks, the database " + stored
                        + ": rebuilding the index in the background");
                rebuild.start();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compare the search index with the database", e);
        }
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void failStaleProcessing() {
        int failed = repository.failStale(OffsetDateTime.now(ZoneOffset.UTC).minus(settings.staleAfter()));
        if (failed > 0) {
            LOG.warning(() -> failed + " documents stopped processing (server restart?) and are marked failed");
        }
    }

    /** Outside any transaction (a merge may take minutes) and beside the other jobs (read lock). */
    @Schedule(minute = "*/15", hour = "*", persistent = false)
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void compactIndex() {
        if (settings.compaction() && !"running".equals(rebuild.status().state())) {
            compaction.compactIfChanged();
        }
    }
}
