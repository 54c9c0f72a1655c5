package dev.lantern.engine.generation;

import dev.lantern.engine.onnx.DecoderSession;
import dev.lantern.engine.onnx.KvCache;
import dev.lantern.engine.onnx.KvCacheAssembler;
import dev.lantern.engine.onnx.KvRowCopy;
import dev.lantern.engine.prefix.PrefixCache;
import dev.lantern.engine.sampling.LogProbs;
import dev.lantern.engine.sampling.SamplingParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Deterministic beam search with Hugging Face's semantics: 2 × numBeams candidates per step, an end token
 * among the best numBeams closes a hypothesis, length penalty and early stopping as in {@link BeamHypotheses}.
 * Beams are the rows of one batch; after each step the cache rows are gathered by beam origin.
 * Penalties other than EOS suppression (min_tokens, ignore_eos) are not applied to beams.
 */
public final class BeamSearch {
    private final DecoderSession model;
    private final int[] eosIds;

    public record Hypothesis(int[] tokens, double sumLogprobs, double score, boolean endedWithEos) {
    }

    public record Outcome(Hypothesis best, List<Hypothesis> candidates, boolean cancelled) {
    }

    private record Candidate(int beam, int token, double sum) {
    }

    public BeamSearch(DecoderSession model, int[] eosIds) {
        this.model = model;
        this.eosIds = eosIds.clone();
    }

    public Outcome search(int[] prompt, SamplingParams p, int maxNewTokens, BooleanSupplier cancelled) {
        try (Run run = start(prompt, p, maxNewTokens, cancelled)) {
            return run.toEnd();
        }
    }

    /** Prefills the prompt and returns the search, to be advanced one {@link Run#step()} at a time. */
    public Run start(int[] prompt, SamplingParams p, int maxNewTokens, BooleanSupplier cancelled) {
        return start(prompt, "", PrefixCache.off(), p, maxNewTokens, cancelled);
    }

    /** As {@link #start(int[], SamplingParams, int, BooleanSupplier)}, the prefill continuing a cached prefix. */
    public Run start(int[] prompt, String scope, PrefixCache prefixes, SamplingParams p, int maxNewTokens,
                     BooleanSupplier cancelled) {
        return new Run(prompt, scope, prefixes, p, maxNewTokens, cancelled);
    }

    /**
     * One beam search, advanced a step at a time so that a scheduler can interleave it with other work. Not
     * thread-safe; {@link #close()} frees its cache (it is also freed as soon as the search ends).
     */
    public final class Run implements AutoCloseable {
        private final SamplingParams p;
        private final int maxNewTokens;
        private final BooleanSupplier cancelled;
        private final int beams;
        private final int promptLength;
        private final BeamHypotheses done;
        private final KvCacheAssembler assembler;
        private final float[][] logits;
        private int[][] tokens = {new int[0]};
        private double[] sums = {0};
        private KvCache cache;
        private final int cachedPromptTokens;
        private int step;
        private Outcome outcome;

        private Run(int[] prompt, String scope, PrefixCache prefixes, SamplingParams p, int maxNewTokens,
                    BooleanSupplier cancelled) {
            this.p = p;
            this.maxNewTokens = maxNewTokens;
            this.cancelled = cancelled;
            this.beams = p.numBeams();
            this.promptLength = prompt.length;
            this.done = new BeamHypotheses(beams, p.lengthPenalty(), p.earlyStopping());
            this.assembler = model.assembler();
            this.logits = new float[beams][model.vocabSize()];
            Prefill.Result prefilled = Prefill.run(model, 0, List.of(new Prefill.Prompt(prompt, scope)), prefixes);
            System.arraycopy(prefilled.logits()[0], 0, logits[0], 0, logits[0].length);
            this.cache = prefilled.cache();
            this.cachedPromptTokens = prefilled.cachedTokens()[0];
        }

        /** Prompt tokens the prefill took from the prefix cache. */
        public int cachedPromptTokens() {
            return cachedPromptTokens;
        }

        /**
         * Ranks the candidates from the last model call and, unless the search ends here, runs the next one.
         *
         * @return false once the search has ended ({@link #outcome()} then holds its result)
         */
        public boolean step() {
            if (outcome != null) {
                return false;
            }
            if (step >= maxNewTokens) {
                return end(true, false);
            }
            List<Candidate> ranked = rank(logits, sums, p, step, 2 * beams);
            List<Candidate> next = new ArrayList<>();
            for (int rank = 0; rank < ranked.size() && next.size() < beams; rank++) {
                Candidate c = ranked.get(rank);
                if (isEos(c.token())) {
                    if (rank < beams) {
                        done.add(append(tokens[c.beam()], c.token()), c.sum(), true);
                    }
                } else {
                    next.add(c);
                }
            }
            int[][] previous = tokens;
            tokens = next.stream().map(c -> append(previous[c.beam()], c.token())).toArray(int[][]::new);
            sums = next.stream().mapToDouble(Candidate::sum).toArray();
            if (cancelled.getAsBoolean()) {
                return end(true, true);
            }
            if (done.done(Arrays.stream(sums).max().orElse(Double.NEGATIVE_INFINITY), step + 1)) {
                return end(false, false);
            }
            if (step + 1 >= maxNewTokens) {
                return end(true, false);
            }
            cache = advance(cache, next, assembler, promptLength + step, logits);
            step++;
            return true;
        }

        /** Runs the remaining steps at once and returns the result. */
        public Outcome toEnd() {
            while (step()) {
                // each step ranks the candidates and runs the beams' next model call
            }
            return outcome;
        }

        /** The result, once {@link #step()} has returned false. */
        public Outcome outcome() {
            if (outcome == null) {
                throw new IllegalStateException("the beam search has not ended");
            }
            return outcome;
        }

        private boolean end(boolean addRunning, boolean wasCancelled) {
            outcome = finish(done, tokens, sums, addRunning, wasCancelled);
            cache.close();
            return false;
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    /** Gathers cache rows by beam origin, then feeds each beam's new token. */
    private KvCache advance(KvCache cache, List<Candidate> next, KvCacheAssembler assembler, int past,
                            float[][] logits) {
        List<KvRowCopy> rows = next.stream().map(c -> new KvRowCopy(cache, c.beam(), cache.length())).toList();
        try (KvCache gathered = assembler.assemble(rows, 0)) {
            cache.close();
            int batch = next.size();
            long[] ids = new long[batch];                  // [beams, 1]
            long[] positions = new long[batch];            // [beams, 1]
            long[] mask = new long[batch * (past + 1)];    // [beams, past + 1]
            Arrays.fill(mask, 1);
            for (int b = 0; b < batch; b++) {
                ids[b] = next.get(b).token();
                positions[b] = past;
            }
            return model.run(ids, mask, positions, batch, 1, gathered, logits);
        }
    }

    private List<Candidate> rank(float[][] logits, double[] sums, SamplingParams p, int step, int width) {
        List<Candidate> all = new ArrayList<>();
        boolean blockEos = p.ignoreEos() || step < p.minTokens();
        for (int b = 0; b < sums.length; b++) {
            float[] row = logits[b];
            if (blockEos) {
                row = row.clone();
                for (int id : eosIds) {
                    row[id] = Float.NEGATIVE_INFINITY;
                }
            }
            double lse = LogProbs.logSumExp(row);
            for (var top : LogProbs.top(row, lse, width)) {
                all.add(new Candidate(b, top.tokenId(), sums[b] + top.logprob()));
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::sum).reversed());
        return all;
    }

    /** Running beams compete with the finished ones unless the search ended because it was done. */
    private Outcome finish(BeamHypotheses done, int[][] tokens, double[] sums, boolean addRunning,
                           boolean cancelled) {
        for (int b = 0; addRunning && b < tokens.length; b++) {
            done.add(tokens[b], sums[b], false);
        }
        List<Hypothesis> all = done.all();
        Hypothesis best = all.stream().max(Comparator.comparingDouble(Hypothesis::score)).orElseThrow();
        return new Outcome(best, all, cancelled);
    }

    private static int[] append(int[] tokens, int token) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = token;
        return out;
    }

    private boolean isEos(int token) {
        return Arrays.stream(eosIds).anyMatch(id -> id == token);
    }
}
