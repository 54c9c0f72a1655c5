/**
 * Sentence embeddings for retrieval: a BERT-style encoder (all-MiniLM-L6-v2 by default) run by the same ONNX
 * Runtime layer as the language models, mean-pooled over the attention mask and L2-normalised, plus the token
 * counts a chunker needs. It does not store or search vectors; the application does.
 */
package dev.lantern.engine.embedding;
