package dev.lantern.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the least a Java program can do to decode greedily with ONNX Runtime. Batch of {@code rows}
 * identical-length prompts, argmax on the logits buffer, {@code present.*} fed back as {@code past_key_values.*};
 * no tokenizer, no sampling chain, no stop checks.
 */
final class BareDecodeLoop implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int layers;
    private final long kvHeads;
    private final long headDim;

    BareDecodeLoop(String onnxFile, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            session = env.createSession(onnxFile, options);
        }
        Map<String, NodeInfo> inputs = session.getInputInfo();
        int n = 0;
        while (inputs.containsKey("past_key_values." + n + ".key")) {
            n++;
        }
        layers = n;
        long[] shape = ((TensorInfo) inputs.get("past_key_values.0.key").getInfo()).getShape();
        kvHeads = shape[1];
        headDim = shape[3];
    }

    /** Wall time of a whole generation, and of its part after the prefill. */
    record Timing(long totalNanos, long decodeNanos) {
    }

    /** Decodes {@code newTokens} tokens for each of {@code prompts} (all the same length). */
    Timing decode(List<int[]> prompts, int newTokens) throws OrtException {
        long begin = System.nanoTime();
        int batch = prompts.size();
        int len = prompts.get(0).length;
        long[] ids = new long[batch * len];
        long[] positions = new long[batch * len];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < len; i++) {
                ids[b * len + i] = prompts.get(b)[i];
                positions[b * len + i] = i;
            }
        }
        long[] mask = new long[batch * len];
        java.util.Arrays.fill(mask, 1);
        Map<String, OnnxTensor> own = new HashMap<>();
        own.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {batch, len}));
        own.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {batch, len}));
        own.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {batch, len}));
        for (int l = 0; l < layers; l++) {
            long[] empty = {batch, kvHeads, 0, headDim};
            own.put("past_key_values." + l + ".key", OnnxTensor.createTensor(env, FloatBuffer.allocate(0), empty));
            own.put("past_key_values." + l + ".value", OnnxTensor.createTensor(env, FloatBuffer.allocate(0), empty));
        }
        OrtSession.Result result = session.run(own);
        own.values().forEach(OnnxTensor::close);
        long[] next = argmaxLast(result, batch);
        long start = System.nanoTime();
        int past = len;
        for (int step = 1; step < newTokens; step++) {
            Map<String, OnnxTensor> in = new HashMap<>();
            Map<String, OnnxTensor> created = new HashMap<>();
            long[] m = new long[batch * (past + 1)];
            java.util.Arrays.fill(m, 1);
            long[] pos = new long[batch];
            java.util.Arrays.fill(pos, past);
            created.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(next), new long[] {batch, 1}));
            created.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(m), new long[] {batch, past + 1}));
            created.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(pos), new long[] {batch, 1}));
            in.putAll(created);
            for (int l = 0; l < layers; l++) {
                in.put("past_key_values." + l + ".key", (OnnxTensor) result.get("present." + l + ".key").get());
                in.put("past_key_values." + l + ".value", (OnnxTensor) result.get("present." + l + ".value").get());
            }
            OrtSession.Result nextResult = session.run(in);
            created.values().forEach(OnnxTensor::close);
            result.close();
            result = nextResult;
            next = argmaxLast(result, batch);
            past++;
        }
        long end = System.nanoTime();
        result.close();
        return new Timing(end - begin, end - start);
    }

    private static long[] argmaxLast(OrtSession.Result result, int batch) throws OrtException {
        OnnxTensor logits = (OnnxTensor) result.get("logits").get();
        long[] shape = logits.getInfo().getShape(); // [batch, seq, vocab]
        int seq = (int) shape[1];
        int vocab = (int) shape[2];
        FloatBuffer fb = logits.getFloatBuffer();
        long[] out = new long[batch];
        for (int b = 0; b < batch; b++) {
            int base = (b * seq + seq - 1) * vocab;
            int best = 0;
            for (int i = 1; i < vocab; i++) {
                if (fb.get(base + i) > fb.get(base + best)) {
                    best = i;
                }
            }
            out[b] = best;
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
