/**
 * The generation loop: per-sequence mutable state ({@link dev.lantern.engine.generation.Sequence}), a batch of
 * sequences run together with left padding ({@link dev.lantern.engine.generation.DecodeBatch}), stop strings
 * held back until they can no longer match, and beam search. Everything here is confined to the thread that
 * runs the loop; nothing is shared between requests.
 */
package dev.lantern.engine.generation;
