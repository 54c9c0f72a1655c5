package dev.lantern.app.documents.retrieval;

import dev.lantern.app.documents.DocumentChunk;
import dev.lantern.app.documents.DocumentEmbeddings;
import dev.lantern.app.documents.DocumentRepository;
import dev.lantern.app.documents.DocumentSettings;
import dev.lantern.app.documents.Viewer;
import dev.lantern.app.errors.TranslateErrors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hybrid retrieval over the caller's documents, for {@code POST /v1/documents/search} and for grounded
 * generation: the query's embedding against the chunks' (k-NN) and its words against their text (BM25),
 * each taking {@code lantern.retrieval.candidates} candidates, fused by reciprocal rank. The chunks are then
 * loaded through the repository, which filters by the viewer a second time.
 */
@ApplicationScoped
@TranslateErrors
public class RetrievalService {

    @Inject
    DocumentEmbeddings embeddings;

    @Inject
    ChunkSearch search;

    @Inject
    DocumentRepository repository;

    @Inject
    DocumentSettings settings;

    /** The {@code topK} best passages for {@code query}, best first; only {@code documentIds} when given. */
    public List<Passage> retrieve(Viewer viewer, String query, int topK, List<String> documentIds) {
        if (documentIds != null && documentIds.stream().anyMatch(java.util.Objects::isNull)) {
            // Hibernate Search's terms predicate fails on a null term: a 500 the fuzzer found ("document_ids": [null]).
            throw new dev.lantern.app.errors.LanternException(dev.lantern.app.errors.ErrorCode.VALIDATION_ERROR,
                    "document_ids: each must be a document id, not null.").withParam("document_ids");
        }
        int k = Math.max(settings.retrievalCandidates(), topK);
        float[] vector = embeddings.embed(query);
        List<Long> nearest = search.nearest(vector, k, viewer, documentIds);
        List<Long> keywords = search.keywords(query, k, viewer, documentIds);
        List<ReciprocalRankFusion.Fused<Long>> fused = ReciprocalRankFusion.fuse(settings.rrfK(), topK, nearest, keywords);
        Map<Long, DocumentChunk> chunks = repository.visibleChunks(
                        fused.stream().map(ReciprocalRankFusion.Fused::item).toList(), viewer).stream()
                .collect(Collectors.toMap(DocumentChunk::id, Function.identity()));
        List<Passage> passages = new ArrayList<>(fused.size());
        for (ReciprocalRankFusion.Fused<Long> hit : fused) {
            DocumentChunk chunk = chunks.get(hit.item());
            if (chunk != null) {
                passages.add(new Passage(chunk.document().id(), chunk.document().filename(), chunk.chunkIndex(),
                        hit.score(), chunk.text(), chunk.page(), chunk.section()));
            }
        }
        return passages;
    }
}
