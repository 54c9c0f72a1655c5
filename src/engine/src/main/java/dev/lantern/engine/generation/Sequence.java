package dev.lantern.engine.generation;

import dev.lantern.engine.ChosenToken;
import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import dev.lantern.engine.TokenLogProb;
import dev.lantern.engine.sampling.ConstraintViolationException;
import dev.lantern.engine.sampling.LogProbs;
import dev.lantern.engine.sampling.SamplingChain;
import dev.lantern.engine.sampling.SamplingParams;
import dev.lantern.engine.tokenizer.TextTokenizer;
import dev.lantern.engine.tokenizer.TokenizerStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one request owns while it generates: its tokens, sampler and random generator, incremental
 * decoder, stop state, listener, counters and clock. Confined to the loop's thread.
 */
public final class Sequence {
    private final GenerationRequest request;
    private final SamplingParams params;
    private final SamplingChain chain;
    private final TokenBuffer tokens;
    private final TokenizerStream stream;
    private final TextTokenizer tokenizer;
    private final StopStringMatcher stops;
    private final int[] eosIds;
    private final int contextLength;
    private final List<ChosenToken> logprobs = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private int cachedPromptTokens;
    private long firstTokenNanos;
    private long endNanos;
    private FinishReason finishReason;

    public Sequence(GenerationRequest request, SamplingParams params, TextTokenizer tokenizer, int[] eosIds,
                    int contextLength) {
        this.request = request;
        this.params = params;
        this.chain = SamplingChain.of(params, eosIds);
        this.tokens = new TokenBuffer(request.promptIds(), Math.min(params.maxTokens(), 4096));
        this.tokenizer = tokenizer;
        this.stream = new TokenizerStream(tokenizer);
        this.stops = new StopStringMatcher(params.stop());
        this.eosIds = eosIds;
        this.contextLength = contextLength;
    }

    /** Chooses, records and streams the next token from this sequence's logits row. */
    public void accept(float[] logits) {
        float[] scores;
        try {
            scores = chain.process(logits, tokens);
        } catch (ConstraintViolationException e) {
            // a grammar that lets a row run into a dead end fails that row alone, not its batch
            finish(FinishReason.ERROR);
            return;
        }
        int token = chain.pick(scores);
        // log-probabilities of the processed distribution (after penalties and, when sampling, the warpers)
        float logprob = params.logprobs() >= 0 ? recordLogprob(scores, token) : Float.NaN;
        tokens.add(token);
        if (firstTokenNanos == 0) {
            firstTokenNanos = System.nanoTime();
        }
        String text = "";
        if (!params.ignoreEos() && isEos(token)) {
            finishReason = FinishReason.STOP;
        } else {
            text = stops.push(stream.next(token));
            if (stops.stopped()) {
                finishReason = FinishReason.STOP;
            } else if (generatedCount() >= params.maxTokens() || tokens.length() >= contextLength) {
                finishReason = FinishReason.LENGTH;
            }
        }
        if (finishReason != null && !stops.stopped()) {
            text += stops.push(stream.flush());
            text += stops.stopped() ? "" : stops.flush();
        }
        if (finishReason != null) {
            endNanos = System.nanoTime();
        }
        request.listener().onToken(new TokenEvent(text, token, logprob,
                logprobs.isEmpty() ? List.of() : logprobs.get(logprobs.size() - 1).topAlternatives()));
    }

    /** Ends the sequence for cancellation or a passed deadline; true when it did. */
    public boolean checkInterrupted() {
        if (finishReason == null && request.cancelled().getAsBoolean()) {
            finish(FinishReason.CANCELLED);
        } else if (finishReason == null && request.deadline() != null && Instant.now().isAfter(request.deadline())) {
            finish(FinishReason.TIMEOUT);
        }
        return finishReason != null;
    }

    public void finish(FinishReason reason) {
        if (finishReason == null) {
            finishReason = reason;
            endNanos = System.nanoTime();
        }
    }

    public boolean finished() {
        return finishReason != null;
    }

    public int lastToken() {
        return tokens.last();
    }

    public int length() {
        return tokens.length();
    }

    /** Records how many of the prompt's tokens its prefill took from the prefix cache. */
    public void prefilledFromCache(int tokens) {
        cachedPromptTokens = tokens;
    }

    public int cachedPromptTokens() {
        return cachedPromptTokens;
    }

    public int[] promptIds() {
        return request.promptIds();
    }

    public SamplingParams params() {
        return params;
    }

    public GenerationRequest request() {
        return request;
    }

    int generatedCount() {
        return tokens.generatedLength();
    }

    public GenerationResult result() {
        Duration ttft = Duration.ofNanos(firstTokenNanos == 0 ? 0 : firstTokenNanos - startNanos);
        Duration total = Duration.ofNanos((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos);
        return new GenerationResult(stops.text(), tokens.generated(), finishReason, tokens.promptLength(),
                generatedCount(), cachedPromptTokens, ttft, total, List.copyOf(logprobs));
    }

    private boolean isEos(int token) {
        for (int id : eosIds) {
            if (id == token) {
                return true;
            }
        }
        return false;
    }

    private float recordLogprob(float[] scores, int token) {
        double lse = LogProbs.logSumExp(scores);
        List<TokenLogProb> top = new ArrayList<>();
        if (params.logprobs() > 0) {
            for (TokenLogProb alt : LogProbs.top(scores, lse, params.logprobs())) {
                top.add(alt.withText(tokenizer.decode(new int[] {alt.tokenId()})));
            }
        }
        float chosen = (float) (scores[token] - lse);
        logprobs.add(new ChosenToken(new TokenLogProb(token, tokenizer.decode(new int[] {token}), chosen),
                List.copyOf(top)));
        return chosen;
    }
}
