/**
 * The ONNX Runtime layer: one process-wide environment, session creation with the CUDA-or-CPU decision taken
 * once, the decoder's input and output names read from the session, the key/value cache as tensors, and the
 * single batched model call. It owns every native tensor it creates and closes each one; it knows nothing of
 * tokens as text, sampling or requests.
 */
package dev.lantern.engine.onnx;
