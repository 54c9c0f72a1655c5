/**
 * The public face of the Lantern engine: load a model directory ({@link dev.lantern.engine.LanguageModel}),
 * render chats, generate text with streaming, cancellation and typed limits, and describe settings and results
 * as immutable records. It knows nothing about the container that calls it: no {@code jakarta.*} import, no
 * per-request state in shared fields; everything a request owns lives in its own sequence object.
 */
package dev.lantern.engine;
