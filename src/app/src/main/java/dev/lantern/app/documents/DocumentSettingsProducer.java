package dev.lantern.app.documents;

import dev.lantern.app.documents.extraction.ExtractionLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads {@link DocumentSettings} from MicroProfile Config once. */
@ApplicationScoped
public class DocumentSettingsProducer {

    /** A record cannot be proxied: a pseudo-scoped singleton, read once. */
    @Produces
    @Singleton
    DocumentSettings settings(
            @ConfigProperty(name = "lantern.documents.max-file-bytes") long maxFileBytes,
            @ConfigProperty(name = "lantern.documents.max-extracted-chars") long maxChars,
            @ConfigProperty(name = "lantern.documents.max-embedded-documents") int maxEmbedded,
            @ConfigProperty(name = "lantern.documents.max-nesting-depth") int maxDepth,
            @ConfigProperty(name = "lantern.documents.parse-timeout") Duration parseTimeout,
            @ConfigProperty(name = "lantern.documents.parse-concurrency") int parseConcurrency,
            @ConfigProperty(name = "lantern.documents.zip.max-entries") int maxZipEntries,
            @ConfigProperty(name = "lantern.documents.zip.max-uncompressed-bytes") long maxZipBytes,
            @ConfigProperty(name = "lantern.documents.max-compression-ratio") long maxRatio,
            @ConfigProperty(name = "lantern.documents.chunk.tokens") int chunkTokens,
            @ConfigProperty(name = "lantern.documents.chunk.overlap-tokens") int overlapTokens,
            @ConfigProperty(name = "lantern.documents.chunk.max-chars") int maxChunkChars,
            @ConfigProperty(name = "lantern.documents.embedding.batch-size") int embeddingBatch,
            @ConfigProperty(name = "lantern.documents.sync.max-bytes") long syncMaxBytes,
            @ConfigProperty(name = "lantern.documents.sync.max-chunks") int syncMaxChunks,
            @ConfigProperty(name = "lantern.documents.stale-processing-after") Duration staleAfter,
            @ConfigProperty(name = "lantern.search.compaction") boolean compaction,
            @ConfigProperty(name = "lantern.retrieval.candidates") int candidates,
            @ConfigProperty(name = "lantern.retrieval.rrf-k") int rrfK) {
        ExtractionLimits limits = new ExtractionLimits(maxFileBytes, maxChars, maxEmbedded, maxDepth, parseTimeout,
                maxZipEntries, maxZipBytes, maxRatio);
        return new DocumentSettings(limits, parseConcurrency, chunkTokens, overlapTokens,
                Math.min(maxChunkChars, 20000), Math.max(1, embeddingBatch), syncMaxBytes, syncMaxChunks, staleAfter,
                compaction, Math.max(1, candidates), Math.max(1, rrfK));
    }
}
