/**
 * Continuous batching: one thread owns a model's session and runs every active request as a row of one
 * model call per decode step. Requests join between steps (after a batched prefill; an idle scheduler waits a
 * few milliseconds, its admission window, so that a burst shares one prefill) and are answered when
 * they finish; their rows leave with the next cache rebuild that pays for itself ({@link
 * dev.lantern.engine.batch.BatchScheduler} says when). The queue in front is bounded and refuses work
 * immediately when full.
 */
package dev.lantern.engine.batch;
