package dev.lantern.engine.generation;

import dev.lantern.engine.onnx.DecoderSession;
import dev.lantern.engine.onnx.KvCache;
import dev.lantern.engine.onnx.KvRowCopy;
import dev.lantern.engine.prefix.PrefixCache;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences that run together, one row each, left-padded to a common cache length. Row r holds
 * {@code realLength[r]} real positions at the right end of the cache; the rest of the row is masked padding.
 * While membership is unchanged, each step feeds the previous step's {@code present.*} back unchanged;
 * {@link #regroup} rebuilds the cache once when rows join or leave.
 */
public final class DecodeBatch implements AutoCloseable {
    private final DecoderSession model;
    private final int padTokenId;
    private List<Sequence> rows;
    private int[] realLength;
    private KvCache cache;
    private float[][] logits;

    private DecodeBatch(DecoderSession model, int padTokenId, List<Sequence> rows, int[] realLength, KvCache cache,
                        float[][] logits) {
        this.model = model;
        this.padTokenId = padTokenId;
        this.rows = rows;
        this.realLength = realLength;
        this.cache = cache;
        this.logits = logits;
    }

    /** Runs the prompts of {@code sequences} in one call; afterwards {@link #logits(int)} holds each row's next-token logits. */
    public static DecodeBatch prefill(DecoderSession model, int padTokenId, List<Sequence> sequences) {
        return prefill(model, padTokenId, sequences, PrefixCache.off());
    }

    /**
     * Runs the prompts of {@code sequences} in one call, each continuing its longest prefix in {@code prefixes}
     * (and leaving its own there); afterwards {@link #logits(int)} holds each row's next-token logits.
     */
    public static DecodeBatch prefill(DecoderSession model, int padTokenId, List<Sequence> sequences,
                                      PrefixCache prefixes) {
        Prefill.Result prefilled = Prefill.run(model, padTokenId, sequences.stream()
                .map(s -> new Prefill.Prompt(s.promptIds(), s.request().prefixScope())).toList(), prefixes);
        int[] real = new int[sequences.size()];
        for (int r = 0; r < real.length; r++) {
            real[r] = sequences.get(r).promptIds().length;
            sequences.get(r).prefilledFromCache(prefilled.cachedTokens()[r]);
        }
        return new DecodeBatch(model, padTokenId, new ArrayList<>(sequences), real, prefilled.cache(),
                prefilled.logits());
    }

    /**
     * Each live row picks its next token from its logits (after the prefill or a step) and emits it; rows that
     * finished, or were cancelled or passed their deadline, are skipped.
     *
     * @return the rows that picked a token
     */
    public int pick() {
        int picked = 0;
        for (int r = 0; r < rows.size(); r++) {
            Sequence s = rows.get(r);
            if (!s.finished() && !s.checkInterrupted()) {
                s.accept(logits[r]);
                picked++;
            }
        }
        return picked;
    }

    /**
     * The decode step, the one every loop runs (a one-shot generation and the scheduler's lanes): one model
     * call for all rows, then each live row's pick.
     *
     * @return the rows that picked a token
     */
    public int decode() {
        step();
        return pick();
    }

    /** One model call: each row's last token in, next logits out. Finished rows are fed padding, ignored. */
    private void step() {
        int batch = rows.size();
        int past = cache.length();
        long[] ids = new long[batch];                   // [batch, 1]
        long[] positions = new long[batch];             // [batch, 1]
        long[] mask = new long[batch * (past + 1)];     // [batch, past + 1]
        for (int r = 0; r < batch; r++) {
            Sequence s = rows.get(r);
            ids[r] = s.finished() ? padTokenId : s.lastToken();
            positions[r] = realLength[r];
            for (int i = past - realLength[r]; i <= past; i++) {
                mask[r * (past + 1) + i] = 1;
            }
            realLength[r]++;
        }
        KvCache next = model.run(ids, mask, positions, batch, 1, cache, logits);
        cache.close();
        cache = next;
    }

    /**
     * Drops finished rows and appends the (already prefilled) rows of {@code joining}, if any, rebuilding the
     * cache once with the padding the new membership needs. {@code joining} is consumed.
     *
     * @return false when nothing is left to run (this batch is then closed)
     */
    public boolean regroup(DecodeBatch joining) {
        List<KvRowCopy> copies = new ArrayList<>();
        List<Sequence> kept = new ArrayList<>();
        List<float[]> keptLogits = new ArrayList<>();
        List<Integer> real = new ArrayList<>();
        collectUnfinished(this, kept, keptLogits, real, copies);
        if (joining != null) {
            collectUnfinished(joining, kept, keptLogits, real, copies);
        }
        if (kept.isEmpty()) {
            close();
            if (joining != null) {
                joining.close();
            }
            return false;
        }
        replace(kept, real.stream().mapToInt(Integer::intValue).toArray(), copies, keptLogits.toArray(float[][]::new));
        if (joining != null) {
            joining.close();
        }
        return true;
    }

    private static void collectUnfinished(DecodeBatch from, List<Sequence> rows, List<float[]> logits,
                                          List<Integer> real, List<KvRowCopy> copies) {
        for (int r = 0; r < from.rows.size(); r++) {
            if (!from.rows.get(r).finished()) {
                rows.add(from.rows.get(r));
                logits.add(from.logits[r]);
                real.add(from.realLength[r]);
                copies.add(new KvRowCopy(from.cache, r, from.realLength[r]));
            }
        }
    }

    private void replace(List<Sequence> newRows, int[] newReal, List<KvRowCopy> copies, float[][] newLogits) {
        KvCache rebuilt = model.assembler().assemble(copies, 0);
        cache.close();
        cache = rebuilt;
        rows = newRows;
        realLength = newReal;
        logits = newLogits;
    }

    public List<Sequence> rows() {
        return rows;
    }

    public float[] logits(int row) {
        return logits[row];
    }

    public boolean allFinished() {
        return rows.stream().allMatch(Sequence::finished);
    }

    /** Rows whose sequence finished: fed padding until the next {@link #regroup} drops them. */
    public int finishedRows() {
        return (int) rows.stream().filter(Sequence::finished).count();
    }

    /** The most positions any finished row holds (0 when none): it grows by one with every step it is kept. */
    public int longestFinishedRow() {
        int longest = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).finished()) {
                longest = Math.max(longest, realLength[r]);
            }
        }
        return longest;
    }

    public int cacheLength() {
        return cache.length();
    }

    @Override
    public void close() {
        cache.close();
    }
}
