package dev.lantern.app.documents.retrieval;

import dev.lantern.app.documents.DocumentChunk;
import dev.lantern.app.documents.Viewer;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * The two rankings retrieval fuses, both from the Hibernate Search index and both filtered inside the query
 * to what the viewer may see (the k-NN filter is applied during the graph search, not after it, so a user
 * with few documents still gets k of their own): chunk ids by cosine similarity of the embeddings, and by
 * BM25 on the analysed text.
 */
@Stateless
public class ChunkSearch {

    @PersistenceContext(unitName = "lantern")
    EntityManager em;

    public List<Long> nearest(float[] vector, int k, Viewer viewer, List<String> documentIds) {
        SearchSession session = Search.session(em);
        return session.search(DocumentChunk.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.knn(k).field("embedding").matching(vector)
                        .filter(visible(f, viewer, documentIds)))
                .fetchHits(k);
    }

    public List<Long> keywords(String query, int k, Viewer viewer, List<String> documentIds) {
        SearchSession session = Search.session(em);
        return session.search(DocumentChunk.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().must(f.match().field("text").matching(query))
                        .filter(visible(f, viewer, documentIds)))
                .fetchHits(k);
    }

    /**
     * The viewer's own chunks and the shared ones; narrowed to {@code documentIds} when given. An
     * administrator who names documents may search anyone's.
     */
    static SearchPredicate visible(SearchPredicateFactory f, Viewer viewer, List<String> documentIds) {
        boolean named = documentIds != null && !documentIds.isEmpty();
        BooleanPredicateClausesStep<?> scope = f.bool().must(f.matchAll());
        if (!(viewer.admin() && named)) {
            scope.must(f.bool()
                    .should(f.match().field("document.ownerId").matching(viewer.subject()))
                    .should(f.match().field("document.shared").matching(true)));
        }
        if (named) {
            scope.must(f.terms().field("document.id").matchingAny(documentIds));
        }
        return scope.toPredicate();
    }

    /** Index entries, to compare with the database's row count. */
    public long indexedChunks() {
        return Search.session(em).search(DocumentChunk.class).where(f -> f.matchAll()).fetchTotalHitCount();
    }
}
