/**
 * The model registry: which language models are configured ({@code LANTERN_MODELS}), loading them in the
 * background at start-up, their readiness (and the server's), the runtime options they run with, and the
 * batch scheduler that owns each loaded model's session. It also holds the embedding model. It does not
 * turn HTTP requests into generations; the {@code generation} package does.
 */
package dev.lantern.app.models;
