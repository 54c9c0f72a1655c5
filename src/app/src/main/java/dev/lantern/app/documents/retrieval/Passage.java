package dev.lantern.app.documents.retrieval;

/**
 * A retrieved chunk with where it came from and its fused relevance score.
 *
 * @param documentId the document's id
 * @param filename   its file name as uploaded
 * @param chunkIndex the chunk's position in the document, from 0
 * @param score      the reciprocal-rank-fusion score of the k-NN and BM25 rankings
 * @param text       the chunk's text
 * @param page       the page it starts on, where the format has pages
 * @param section    the heading it is under, where the format has headings
 */
public record Passage(String documentId, String filename, int chunkIndex, double score, String text, Integer page,
                      String section) {
}
