package dev.lantern.engine.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.engine.EngineException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One decoder model call for a batch: builds the id, mask and position tensors, feeds the cache, copies only
 * the last position's logits row of each sequence, and has ONNX Runtime write the {@code present.*} outputs
 * into the next cache's buffers and the logits into a buffer of its own (both from this session's pool), so
 * no output is copied whole or allocated afresh. Thread-safe: ONNX Runtime sessions may run
 * concurrently, the pool is synchronised, and this class keeps no other per-call state.
 */
public final class DecoderSession implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final DecoderSignature signature;
    private final int vocabSize;
    private final int logitsBytes;
    private final DirectBufferPool pool = new DirectBufferPool();
    private final KvCacheAssembler assembler;

    public DecoderSession(OrtSession session, int configVocab, int configKvHeads, int configHeadDim) {
        this.env = OrtRuntime.environment();
        this.session = session;
        this.signature = DecoderSignature.of(session, configKvHeads, configHeadDim);
        long[] logitsShape = ((ai.onnxruntime.TensorInfo) infoOf(signature.logits())).getShape();
        long vocab = logitsShape[logitsShape.length - 1];
        this.vocabSize = vocab > 0 ? (int) vocab : configVocab;
        this.logitsBytes = signature.logitsType() == OnnxJavaType.FLOAT16 ? 2 : 4;
        this.assembler = new KvCacheAssembler(env, signature, pool);
    }

    /** Rebuilds caches from rows of others, in buffers of this session's pool. */
    public KvCacheAssembler assembler() {
        return assembler;
    }

    public DecoderSignature signature() {
        return signature;
    }

    public int vocabSize() {
        return vocabSize;
    }

    public OrtEnvironment environment() {
        return env;
    }

    /**
     * Runs one step. The caller still owns {@code past} and closes it after this call returns.
     *
     * @param ids       {@code [batch, seq]} token ids, row-major
     * @param mask      {@code [batch, past + seq]} 1 for real tokens, 0 for left padding
     * @param positions {@code [batch, seq]} position ids
     * @param logits    receives {@code [batch][vocab]}: the logits at each row's last position
     * @return the new cache {@code [batch, kvHeads, past + seq, headDim]}
     */
    public KvCache run(long[] ids, long[] mask, long[] positions, int batch, int seq, KvCache past, float[][] logits) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        KvCache next = KvCache.allocate(env, signature, pool, batch, past.length() + seq);
        boolean ran = false;
        try {
            inputs.put(signature.inputIds(), longs(ids, batch, seq));
            if (signature.attentionMask() != null) {
                inputs.put(signature.attentionMask(), longs(mask, batch, past.length() + seq));
            }
            if (signature.positionIds() != null) {
                inputs.put(signature.positionIds(), longs(positions, batch, seq));
            }
            if (signature.useCacheBranch() != null) {
                inputs.put(signature.useCacheBranch(), OnnxTensor.createTensor(env, new boolean[] {past.length() > 0}));
            }
            if (signature.numLogitsToKeep() != null) {
                inputs.put(signature.numLogitsToKeep(), OnnxTensor.createTensor(env, 1L));
            }
            Map<String, OnnxValue> outputs = presentOutputs(next);
            if (signature.numLogitsToKeep() == null) {
                runWithPooledLogits(withPast(inputs, past), outputs, batch, seq, logits);
            } else {
                try (OrtSession.Result result = session.run(withPast(inputs, past), Set.of(signature.logits()),
                        outputs)) {
                    LogitsRows.copyLast((OnnxTensor) result.get(signature.logits()).orElseThrow(), batch, vocabSize,
                            logits);
                }
            }
            ran = true;
            return next;
        } catch (OrtException e) {
            throw new EngineException("model call failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
            if (!ran) {
                next.close();
            }
        }
    }

    /** The logits {@code [batch, seq, vocab]} go into a pooled buffer too, and the last rows are read in place. */
    private void runWithPooledLogits(Map<String, OnnxTensor> inputs, Map<String, OnnxValue> outputs, int batch,
                                     int seq, float[][] logits) throws OrtException {
        int bytes = Math.multiplyExact(batch * seq, vocabSize * logitsBytes);
        ByteBuffer buffer = pool.take(bytes);
        try {
            ByteBuffer view = buffer.slice(0, bytes).order(ByteOrder.nativeOrder());
            try (OnnxTensor out = OnnxTensor.createTensor(env, view, new long[] {batch, seq, vocabSize},
                    signature.logitsType())) {
                outputs.put(signature.logits(), out);
                session.run(inputs, Set.of(), outputs).close();
                LogitsRows.copyLast(view, signature.logitsType(), batch, seq, vocabSize, logits);
            }
        } finally {
            pool.give(buffer);
        }
    }

    private Map<String, OnnxValue> presentOutputs(KvCache next) {
        Map<String, OnnxValue> outputs = new HashMap<>();
        for (int layer = 0; layer < signature.layers(); layer++) {
            outputs.put(signature.presentKeys().get(layer), next.key(layer));
            outputs.put(signature.presentValues().get(layer), next.value(layer));
        }
        return outputs;
    }

    private Map<String, OnnxTensor> withPast(Map<String, OnnxTensor> own, KvCache past) {
        Map<String, OnnxTensor> all = new HashMap<>(own);
        for (int layer = 0; layer < signature.layers(); layer++) {
            all.put(signature.pastKeys().get(layer), past.key(layer));
            all.put(signature.pastValues().get(layer), past.value(layer));
        }
        return all;
    }

    private OnnxTensor longs(long[] data, int batch, int width) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(data), new long[] {batch, width});
    }

    private ai.onnxruntime.ValueInfo infoOf(String output) {
        try {
            return session.getOutputInfo().get(output).getInfo();
        } catch (OrtException e) {
            throw new EngineException("cannot read output " + output, e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new EngineException("cannot close the session", e);
        }
    }
}
