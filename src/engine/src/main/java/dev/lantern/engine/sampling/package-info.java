/**
 * Choosing the next token: small pure logits steps (logit bias, EOS suppression, repetition, frequency and presence
 * penalties, temperature, top-k, top-p, min-p) composed by a {@link dev.lantern.engine.sampling.SamplingChain}
 * in a fixed order, one picker (greedy or seeded categorical), and log-probabilities. A step reads its input
 * and writes a separate output array; none keeps state between calls, so each is unit-tested on a few floats —
 * except {@link dev.lantern.engine.sampling.ConstrainedDecoding}, which follows its row's document.
 */
package dev.lantern.engine.sampling;
