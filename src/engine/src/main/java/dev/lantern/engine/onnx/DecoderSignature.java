package dev.lantern.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lantern.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decoder's interface as the session reports it, with Hugging Face Optimum's names: {@code input_ids},
 * optional {@code attention_mask}, {@code position_ids} and {@code num_logits_to_keep},
 * {@code past_key_values.N.key/value} in, {@code logits} and {@code present.N.key/value} out.
 * Key/value heads, head size and element types come from the past_key_values input when its shape is static.
 * Optimum's merged decoders also take a boolean {@code use_cache_branch}: true once there is a past.
 */
public record DecoderSignature(String inputIds, String attentionMask, String positionIds, String numLogitsToKeep,
                               String useCacheBranch,
                               List<String> pastKeys, List<String> pastValues, String logits,
                               List<String> presentKeys, List<String> presentValues,
                               OnnxJavaType kvType, OnnxJavaType logitsType, int kvHeads, int headDim) {

    public static DecoderSignature of(OrtSession session, int configKvHeads, int configHeadDim) {
        try {
            Map<String, NodeInfo> in = session.getInputInfo();
            Map<String, NodeInfo> out = session.getOutputInfo();
            List<String> pastKeys = new ArrayList<>();
            List<String> pastValues = new ArrayList<>();
            List<String> presentKeys = new ArrayList<>();
            List<String> presentValues = new ArrayList<>();
            for (int layer = 0; in.containsKey(pastName(layer, "key")); layer++) {
                pastKeys.add(pastName(layer, "key"));
                pastValues.add(pastName(layer, "value"));
                presentKeys.add(firstPresent(out, layer, "key"));
                presentValues.add(firstPresent(out, layer, "value"));
            }
            if (!in.containsKey("input_ids") || pastKeys.isEmpty()) {
                throw new EngineException("not a decoder with a KV cache: inputs " + in.keySet());
            }
            TensorInfo past = (TensorInfo) in.get(pastKeys.get(0)).getInfo(); // [batch, kvHeads, past, headDim]
            long[] shape = past.getShape();
            String logits = out.containsKey("logits") ? "logits" : out.keySet().iterator().next();
            return new DecoderSignature("input_ids", optional(in, "attention_mask"), optional(in, "position_ids"),
                    optional(in, "num_logits_to_keep"), optional(in, "use_cache_branch"), List.copyOf(pastKeys), List.copyOf(pastValues), logits,
                    List.copyOf(presentKeys), List.copyOf(presentValues), past.type,
                    ((TensorInfo) out.get(logits).getInfo()).type,
                    shape[1] > 0 ? (int) shape[1] : configKvHeads, shape[3] > 0 ? (int) shape[3] : configHeadDim);
        } catch (OrtException e) {
            throw new EngineException("cannot read the model's inputs and outputs", e);
        }
    }

    public int layers() {
        return pastKeys.size();
    }

    /** Bytes of one KV element: 2 for fp16, 4 for fp32. */
    public int kvElementBytes() {
        return kvType == OnnxJavaType.FLOAT16 || kvType == OnnxJavaType.BFLOAT16 ? 2 : 4;
    }

    private static String pastName(int layer, String kind) {
        return "past_key_values." + layer + "." + kind;
    }

    private static String firstPresent(Map<String, NodeInfo> out, int layer, String kind) {
        for (String candidate : List.of("present." + layer + "." + kind, "present_key_values." + layer + "." + kind)) {
            if (out.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new EngineException("no present output for layer " + layer + ": outputs " + out.keySet());
    }

    private static String optional(Map<String, NodeInfo> in, String name) {
        return in.containsKey(name) ? name : null;
    }
}
