/**
 * The generation loop: per-sequence mutable state ({@link dev.lantern.engine.generation.Sequence}), a batch of
 * sequences run together with left padding ({@link dev.lantern.engine.generation.DecodeBatch}), their first call
 * continuing cached prompt prefixes ({@link dev.lantern.engine.generation.Prefill}), stop strings
 * held back until they can no longer match, and beam search. Everything here is confined to the thread that
 * runs the loop; nothing is shared between requests but the prefix cache, which is thread-safe.
 */
package dev.lantern.engine.generation;
