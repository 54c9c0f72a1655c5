/**
 * The models the application serves and uses. For now the embedding model shared by documents and retrieval
 * ({@link dev.lantern.app.models.EmbeddingService}); the language-model registry joins it with the API issue.
 */
package dev.lantern.app.models;
