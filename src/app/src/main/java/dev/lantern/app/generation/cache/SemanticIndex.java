package dev.lantern.app.generation.cache;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Optional;

/**
 * Prompt vectors of cached answers, per bucket (same scope, model and settings): a new prompt whose unit vector
 * has a dot product (cosine) of at least the threshold with a stored one gets that one's answer key.
 * Entries are {@code <answer key> <base64 float32 vector>} strings, so both stores keep them as they are.
 */
final class SemanticIndex {

    private final CacheStore store;
    private final double threshold;

    SemanticIndex(CacheStore store, double threshold) {
        this.store = store;
        this.threshold = threshold;
    }

    void add(String bucket, String answerKey, float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        store.addVector(bucket, answerKey + " " + Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** The answer key of the closest stored prompt at or above the threshold. */
    Optional<String> nearest(String bucket, float[] vector) {
        String best = null;
        double bestScore = threshold;
        for (String entry : store.vectors(bucket)) {
            int space = entry.indexOf(' ');
            ByteBuffer other = ByteBuffer.wrap(Base64.getDecoder().decode(entry.substring(space + 1)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (other.remaining() != vector.length * Float.BYTES) {
                continue;
            }
            double dot = 0;
            for (float v : vector) {
                dot += v * other.getFloat();
            }
            if (dot >= bestScore) {
                bestScore = dot;
                best = entry.substring(0, space);
            }
        }
        return Optional.ofNullable(best);
    }
}
