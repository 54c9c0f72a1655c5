package dev.lantern.engine.generation;

import dev.lantern.engine.FinishReason;
import dev.lantern.engine.onnx.DecoderSession;
import java.util.List;

/**
 * The generation loop for a fixed set of sequences run as one batch: prefill, then
 * step → process logits → pick → append → check stop → emit, until every sequence has finished.
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
            while (true) {
                for (int r = 0; r < sequences.size(); r++) {
                    Sequence s = batch.rows().get(r);
                    if (!s.finished() && !s.checkInterrupted()) {
                        s.accept(batch.logits(r));
                    }
                }
                if (batch.allFinished()) {
                    return;
                }
                batch.step();
            }
        } catch (RuntimeException e) {
            sequences.forEach(s -> s.finish(FinishReason.ERROR));
            throw e;
        }
    }
}
