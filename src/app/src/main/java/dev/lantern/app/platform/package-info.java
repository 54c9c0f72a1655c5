/**
 * What every feature stands on: the data directory, database migrations and schema validation at start-up,
 * the health checks, and how request bodies are read (JSON types held strictly, the JSON body size limit).
 * It owns no business data and knows nothing of models, users or documents.
 */
package dev.lantern.app.platform;
