/**
 * The response cache: exact answers keyed by everything that determines them (model, prompt tokens, every
 * sampling field, the caller's scope and that scope's version), kept in memory (Caffeine, size-bounded) or in
 * Redis when {@code LANTERN_REDIS_URL} is set, plus an optional semantic index (off by default) that serves a
 * cached answer to a request whose prompt embedding is close enough. Only deterministic requests are cached
 * unless configured otherwise. It does not decide what a scope is: callers pass the caller's subject.
 */
package dev.lantern.app.generation.cache;
