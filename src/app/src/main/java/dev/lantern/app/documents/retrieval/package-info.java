/**
 * Retrieval: k-nearest-neighbour and BM25 rankings from the search index, fused by reciprocal rank and
 * filtered to what the caller may see, and the grounded prompt built from the passages. Used by the search
 * endpoint and by chat and completions with {@code rag}.
 */
package dev.lantern.app.documents.retrieval;
