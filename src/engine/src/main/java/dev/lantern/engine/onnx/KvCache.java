package dev.lantern.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.engine.EngineException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The key/value cache of a batch: per layer a key and a value tensor {@code [batch, kvHeads, length, headDim]}.
 * Either the {@code present.*} outputs of the previous model call (owned by that call's result, fed back
 * unchanged) or tensors this class built itself; {@link #close()} frees whichever it is.
 */
public final class KvCache implements AutoCloseable {
    private final OnnxTensor[] keys;
    private final OnnxTensor[] values;
    private final AutoCloseable owner;
    private final int batch;
    private final int length;
    private boolean closed;

    KvCache(OnnxTensor[] keys, OnnxTensor[] values, AutoCloseable owner, int batch, int length) {
        this.keys = keys;
        this.values = values;
        this.owner = owner;
        this.batch = batch;
        this.length = length;
    }

    /** Zero-length tensors for the first call. */
    public static KvCache empty(OrtEnvironment env, DecoderSignature sig, int batch) {
        return allocate(env, sig, batch, 0, (layer, isKey, buffer) -> { });
    }

    static KvCache fromResult(OrtSession.Result result, DecoderSignature sig, int batch, int length) {
        OnnxTensor[] k = new OnnxTensor[sig.layers()];
        OnnxTensor[] v = new OnnxTensor[sig.layers()];
        for (int layer = 0; layer < k.length; layer++) {
            k[layer] = (OnnxTensor) result.get(sig.presentKeys().get(layer)).orElseThrow();
            v[layer] = (OnnxTensor) result.get(sig.presentValues().get(layer)).orElseThrow();
        }
        return new KvCache(k, v, result, batch, length);
    }

    interface Filler {
        void fill(int layer, boolean isKey, ByteBuffer target);
    }

    /** Builds fresh tensors in direct buffers (zero-initialised, so padding needs no writes). */
    static KvCache allocate(OrtEnvironment env, DecoderSignature sig, int batch, int length, Filler filler) {
        OnnxTensor[] k = new OnnxTensor[sig.layers()];
        OnnxTensor[] v = new OnnxTensor[sig.layers()];
        long[] shape = {batch, sig.kvHeads(), length, sig.headDim()}; // [batch, kvHeads, length, headDim]
        int bytes = Math.multiplyExact(batch * sig.kvHeads() * length, sig.headDim() * sig.kvElementBytes());
        try {
            for (int layer = 0; layer < k.length; layer++) {
                ByteBuffer kb = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
                ByteBuffer vb = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
                filler.fill(layer, true, kb);
                filler.fill(layer, false, vb);
                k[layer] = OnnxTensor.createTensor(env, kb, shape, sig.kvType());
                v[layer] = OnnxTensor.createTensor(env, vb, shape, sig.kvType());
            }
        } catch (OrtException e) {
            closeAll(k);
            closeAll(v);
            throw new EngineException("cannot allocate the KV cache", e);
        }
        return new KvCache(k, v, null, batch, length);
    }

    public OnnxTensor key(int layer) {
        return keys[layer];
    }

    public OnnxTensor value(int layer) {
        return values[layer];
    }

    public int batch() {
        return batch;
    }

    /** Positions held per row (real tokens plus left padding). */
    public int length() {
        return length;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new EngineException("cannot free the KV cache", e);
            }
        } else {
            closeAll(keys);
            closeAll(values);
        }
    }

    private static void closeAll(OnnxTensor[] tensors) {
        for (OnnxTensor t : tensors) {
            if (t != null) {
                t.close();
            }
        }
    }
}
