package dev.lantern.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.generation.BeamSearch;
import dev.lantern.engine.sampling.SamplingParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits, stops, seeds, cancellation, logprobs and beams, on the tiny model (milliseconds per generation). */
class GenerationBehaviourTest {
    private static LanguageModel model;
    private static final int[] PROMPT = {5957, 4575, 6872, 6148, 8115, 5894, 3331};

    @BeforeAll
    static void load() {
        model = LanguageModel.load(Reference.TINY, RuntimeOptions.defaults().withOnnxFile("model.onnx"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static GenerationSettings.Builder greedy(int tokens) {
        return GenerationSettings.builder().greedy().maxTokens(tokens);
    }

    @Test
    void promptThatDoesNotFitIsRejectedNotTruncated() {
        int[] tooLong = new int[1024];
        Arrays.fill(tooLong, 42);
        TokenLimitExceededException e = assertThrows(TokenLimitExceededException.class,
                () -> model.generate(GenerationRequest.of(tooLong, greedy(5).build())));
        assertEquals(1024, e.promptTokens());
        assertEquals(1023, e.limit());
    }

    @Test
    void generationStopsAtTheContextWithLength() {
        int[] nearlyFull = new int[1020];
        Arrays.fill(nearlyFull, 42);
        GenerationResult r = model.generate(GenerationRequest.of(nearlyFull, greedy(100).build()));
        assertEquals(FinishReason.LENGTH, r.finishReason());
        assertEquals(4, r.completionTokens());
    }

    @Test
    void sameSeedSameTextOtherSeedOtherText() {
        GenerationSettings s = GenerationSettings.builder().temperature(1.0).topP(1.0).topK(0).maxTokens(20)
                .seed(7L).build();
        int[] a = model.generate(GenerationRequest.of(PROMPT, s)).tokenIds();
        int[] b = model.generate(GenerationRequest.of(PROMPT, s)).tokenIds();
        int[] c = model.generate(GenerationRequest.of(PROMPT, GenerationSettings.builder().temperature(1.0)
                .topP(1.0).topK(0).maxTokens(20).seed(8L).build())).tokenIds();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void stopStringEndsTheTextBeforeIt() {
        GenerationResult full = model.generate(GenerationRequest.of(PROMPT, greedy(16).build()));
        String stop = full.text().substring(full.text().length() / 2, full.text().length() / 2 + 3);
        List<TokenEvent> events = new ArrayList<>();
        GenerationResult cut = model.generate(new GenerationRequest(PROMPT,
                greedy(16).stop(List.of(stop)).build(), events::add, null, null));
        assertEquals(FinishReason.STOP, cut.finishReason());
        assertEquals(full.text().substring(0, full.text().indexOf(stop)), cut.text());
        assertEquals(cut.text(), events.stream().map(TokenEvent::text).reduce("", String::concat));
    }

    @Test
    void cancellationAndDeadlineEndTheSequence() {
        AtomicInteger seen = new AtomicInteger();
        GenerationResult r = model.generate(new GenerationRequest(PROMPT, greedy(50).build(),
                e -> seen.incrementAndGet(), () -> seen.get() >= 3, null));
        assertEquals(FinishReason.CANCELLED, r.finishReason());
        assertEquals(3, r.completionTokens());
        GenerationResult late = model.generate(new GenerationRequest(PROMPT, greedy(50).build(), null, null,
                Instant.now().minusSeconds(1)));
        assertEquals(FinishReason.TIMEOUT, late.finishReason());
    }

    @Test
    void logprobsOfGreedyTokensAreTheTopAlternative() {
        GenerationResult r = model.generate(GenerationRequest.of(PROMPT, greedy(5).logprobs(3).build()));
        assertEquals(5, r.logprobs().size());
        for (ChosenToken t : r.logprobs()) {
            assertTrue(t.token().logprob() <= 0);
            assertEquals(3, t.topAlternatives().size());
            assertEquals(t.token().tokenId(), t.topAlternatives().get(0).tokenId());
            assertTrue(t.topAlternatives().get(0).logprob() >= t.topAlternatives().get(1).logprob());
        }
    }

    @Test
    void oneBeamIsGreedy() {
        int[] greedyIds = model.generate(GenerationRequest.of(PROMPT, greedy(12).build())).tokenIds();
        SamplingParams oneBeam = model.newSequence(GenerationRequest.of(PROMPT,
                greedy(12).numBeams(1).build())).params();
        BeamSearch.Outcome outcome = new BeamSearch(model.decoder(), model.eosIds()).search(PROMPT, oneBeam, 12,
                () -> false);
        assertArrayEquals(greedyIds, outcome.best().tokens());
    }

    @Test
    void beamSearchReturnsItsBestScoringCandidate() {
        SamplingParams beams = model.newSequence(GenerationRequest.of(PROMPT,
                greedy(10).numBeams(4).build())).params();
        BeamSearch.Outcome outcome = new BeamSearch(model.decoder(), model.eosIds()).search(PROMPT, beams, 10,
                () -> false);
        assertEquals(4, outcome.candidates().size());
        for (BeamSearch.Hypothesis h : outcome.candidates()) {
            assertTrue(outcome.best().score() >= h.score());
        }
        GenerationResult viaModel = model.generate(GenerationRequest.of(PROMPT, greedy(10).numBeams(4).build()));
        assertArrayEquals(outcome.best().tokens(), viaModel.tokenIds());
        assertEquals(model.decode(viaModel.tokenIds()), viaModel.text());
    }
}
