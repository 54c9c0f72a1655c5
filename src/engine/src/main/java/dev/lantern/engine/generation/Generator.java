package dev.lantern.engine.generation;

import dev.lantern.engine.FinishReason;
import dev.lantern.engine.onnx.DecoderSession;
import java.util.List;

/**
 * The generation loop for a fixed set of sequences run as one batch: prefill, then
 * step → process logits → pick → append → check stop → emit ({@link DecodeBatch#decode}, the same step the
 * scheduler's lanes run), until every sequence has finished.
 */
public final class Generator {
    private final DecoderSession model;
    private final int padTokenId;

    public Generator(DecoderSession model, int padTokenId) {
        this.model = model;
        this.padTokenId = padTokenId;
    }

    public void run(List<Sequence> sequences) {
        try (DecodeBatch batch = DecodeBatch.prefill(model, padTokenId, sequences)) {
            batch.pick();
            while (!batch.allFinished()) {
                batch.decode();
            }
        } catch (RuntimeException e) {
            sequences.forEach(s -> s.finish(FinishReason.ERROR));
            throw e;
        }
    }
}
