/**
 * The ONNX Runtime layer: one process-wide environment, session creation with the CUDA-or-CPU decision taken
 * once, the decoder's input and output names read from the session, the key/value cache as tensors over
 * pooled direct buffers (the model call writes its {@code present.*} outputs into them, so rows are copied
 * out without a detour), and the single batched model call. It owns every native tensor it creates and closes
 * each one; it knows nothing of tokens as text, sampling or requests.
 */
package dev.lantern.engine.onnx;
