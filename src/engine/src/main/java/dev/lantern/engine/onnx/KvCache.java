package dev.lantern.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.lantern.engine.EngineException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The key/value cache of a batch: per layer a key and a value tensor {@code [batch, kvHeads, length, headDim]},
 * held in direct buffers of this process (a model call writes its {@code present.*} outputs straight into
 * them), so that rows can be copied out without asking ONNX Runtime for a copy first. {@link #close()} frees
 * the tensors and gives the buffers back to their pool.
 */
public final class KvCache implements AutoCloseable {
    private final OnnxTensor[] keys;
    private final OnnxTensor[] values;
    private final ByteBuffer[] keyData;
    private final ByteBuffer[] valueData;
    private final ByteBuffer[] backing;
    private final DirectBufferPool pool;
    private final int batch;
    private final int length;
    private boolean closed;

    private KvCache(OnnxTensor[] keys, OnnxTensor[] values, ByteBuffer[] keyData, ByteBuffer[] valueData,
                    ByteBuffer[] backing, DirectBufferPool pool, int batch, int length) {
        this.keys = keys;
        this.values = values;
        this.keyData = keyData;
        this.valueData = valueData;
        this.backing = backing;
        this.pool = pool;
        this.batch = batch;
        this.length = length;
    }

    /** Zero-length tensors for the first call. */
    public static KvCache empty(OrtEnvironment env, DecoderSignature sig, int batch) {
        return allocate(env, sig, new DirectBufferPool(), batch, 0);
    }

    interface Filler {
        void fill(int layer, boolean isKey, ByteBuffer target);
    }

    /** Tensors over buffers from {@code pool}, filled by {@code filler} (which must write every byte). */
    static KvCache allocate(OrtEnvironment env, DecoderSignature sig, DirectBufferPool pool, int batch, int length,
                            Filler filler) {
        KvCache cache = allocate(env, sig, pool, batch, length);
        for (int layer = 0; layer < sig.layers(); layer++) {
            filler.fill(layer, true, cache.keyData[layer]);
            filler.fill(layer, false, cache.valueData[layer]);
        }
        return cache;
    }

    /** Tensors over buffers from {@code pool}, contents unspecified: for a model call's outputs to fill. */
    static KvCache allocate(OrtEnvironment env, DecoderSignature sig, DirectBufferPool pool, int batch, int length) {
        int layers = sig.layers();
        OnnxTensor[] k = new OnnxTensor[layers];
        OnnxTensor[] v = new OnnxTensor[layers];
        ByteBuffer[] kd = new ByteBuffer[layers];
        ByteBuffer[] vd = new ByteBuffer[layers];
        ByteBuffer[] backing = new ByteBuffer[2 * layers];
        long[] shape = {batch, sig.kvHeads(), length, sig.headDim()}; // [batch, kvHeads, length, headDim]
        int bytes = Math.multiplyExact(batch * sig.kvHeads() * length, sig.headDim() * sig.kvElementBytes());
        KvCache cache = new KvCache(k, v, kd, vd, backing, pool, batch, length);
        try {
            for (int layer = 0; layer < layers; layer++) {
                backing[2 * layer] = pool.take(bytes);
                backing[2 * layer + 1] = pool.take(bytes);
                kd[layer] = backing[2 * layer].slice(0, bytes).order(ByteOrder.nativeOrder());
                vd[layer] = backing[2 * layer + 1].slice(0, bytes).order(ByteOrder.nativeOrder());
                k[layer] = OnnxTensor.createTensor(env, kd[layer], shape, sig.kvType());
                v[layer] = OnnxTensor.createTensor(env, vd[layer], shape, sig.kvType());
            }
        } catch (OrtException e) {
            cache.close();
            throw new EngineException("cannot allocate the KV cache", e);
        }
        return cache;
    }

    public OnnxTensor key(int layer) {
        return keys[layer];
    }

    public OnnxTensor value(int layer) {
        return values[layer];
    }

    /** The bytes of {@link #key(int)} ({@code [batch, kvHeads, length, headDim]}, native order). */
    ByteBuffer keyData(int layer) {
        return keyData[layer];
    }

    /** The bytes of {@link #value(int)}. */
    ByteBuffer valueData(int layer) {
        return valueData[layer];
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
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] != null) {
                keys[layer].close();
            }
            if (values[layer] != null) {
                values[layer].close();
            }
        }
        for (ByteBuffer buffer : backing) {
            if (buffer != null) {
                pool.give(buffer);
            }
        }
    }
}
