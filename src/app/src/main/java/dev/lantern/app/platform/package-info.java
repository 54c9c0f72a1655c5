/**
 * What every feature stands on: the data directory, database migrations and schema validation at start-up,
 * and the health checks. It owns no business data and knows nothing of models, users or documents.
 */
package dev.lantern.app.platform;
