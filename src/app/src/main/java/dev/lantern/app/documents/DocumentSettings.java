package dev.lantern.app.documents;

import java.time.Duration;

import dev.lantern.app.documents.extraction.ExtractionLimits;

/**
 * Document settings, read once from MicroProfile Config ({@code lantern.documents.*}, or the environment,
 * e.g. {@code LANTERN_DOCUMENTS_MAX_FILE_BYTES}); defaults in microprofile-config.properties and the README.
 *
 * @param limits          what one document may cost to read
 * @param parseConcurrency parses at once (hung ones included)
 * @param chunkTokens     chunk size in embedding tokens
 * @param overlapTokens   tokens a chunk repeats from the previous one
 * @param maxChunkChars   a chunk's characters at most, whatever its tokens
 * @param embeddingBatch  chunks embedded per model call
 * @param syncMaxBytes    uploads up to this size are processed before the answer (200); larger ones in the
 *                        background (202)
 * @param syncMaxChunks   ... and only while they make at most this many chunks
 * @param staleAfter      a document processing with no progress for this long is marked failed
 * @param compaction      whether the search index is compacted every quarter of an hour
 * @param retrievalCandidates candidates each ranking of a search takes before fusion
 * @param rrfK            the k of reciprocal rank fusion
 */
public record DocumentSettings(ExtractionLimits limits, int parseConcurrency, int chunkTokens, int overlapTokens,
                               int maxChunkChars, int embeddingBatch, long syncMaxBytes, int syncMaxChunks,
                               Duration staleAfter, boolean compaction, int retrievalCandidates, int rrfK) {
}
