/**
 * The recursive splitter that cuts extracted text into passages sized in the embedding model's tokens,
 * keeping pages and sections apart. Pure code with a token-counting function: unit-tested without a model.
 */
package dev.lantern.app.documents.chunking;
