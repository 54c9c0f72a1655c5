/**
 * Continuous batching: a model's requests run as rows of one model call per decode step, on one or more
 * lanes (a thread and a batch each; on CPU a small model gets one lane per core, {@link
 * dev.lantern.engine.LaneLayout}). Requests join a lane between its steps (after a batched prefill; an idle
 * lane waits a few milliseconds, the admission window, so that a burst shares one prefill) and are answered
 * when they finish; their rows leave with the next cache rebuild that pays for itself ({@link
 * dev.lantern.engine.batch.SchedulerLane} says when). The queue in front of the lanes is bounded, refuses
 * work immediately when full, and shares what waits fairly between the lanes ({@link
 * dev.lantern.engine.batch.AdmissionQueue}).
 */
package dev.lantern.engine.batch;
