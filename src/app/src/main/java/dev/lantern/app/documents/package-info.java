/**
 * Documents: upload (Tika extraction, chunking, embedding), storage of documents and chunks through JPA,
 * the search index (Hibernate Search, rebuilt on demand and compacted when chunks changed), listing, deleting,
 * sharing and re-indexing. Every query takes a
 * {@link dev.lantern.app.documents.Viewer}, so a user sees only their own documents and the shared ones.
 * It does not generate text: grounded generation asks {@link dev.lantern.app.documents.retrieval.RetrievalService}.
 */
package dev.lantern.app.documents;
