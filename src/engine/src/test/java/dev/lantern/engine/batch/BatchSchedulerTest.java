package dev.lantern.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.FinishReason;
import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.GenerationSettings;
import dev.lantern.engine.LanguageModel;
import dev.lantern.engine.OverloadedException;
import dev.lantern.engine.Reference;
import dev.lantern.engine.RuntimeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchSchedulerTest {
    private static LanguageModel tinyModel() {
        return LanguageModel.load(Reference.TINY, RuntimeOptions.defaults().withOnnxFile("model.onnx"));
    }

    private static GenerationSettings greedy(int tokens) {
        return GenerationSettings.builder().greedy().maxTokens(tokens).build();
    }

    /** Reference rows plus six other prompts of different lengths, some joining while others decode. */
    private static void sameTokensAloneAndBatchedWithSevenOthers(Path dir, int lanes) throws Exception {
        Reference ref = Reference.read(dir);
        try (LanguageModel model = LanguageModel.load(dir, RuntimeOptions.defaults().withOnnxFile("model.onnx"))) {
            List<int[]> prompts = new ArrayList<>(List.of(ref.prompt(0), ref.prompt(1)));
            int[] text = model.encode(java.nio.file.Files.readString(Reference.DEMO.resolve("README.md")));
            for (int i = 0; i < 6; i++) {
                prompts.add(Arrays.copyOfRange(text, i * 7, i * 7 + 3 + i * 9));
            }
            int[] lengths = {16, 16, 5, 30, 12, 24, 9, 20};
            List<int[]> alone = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                alone.add(model.generate(GenerationRequest.of(prompts.get(i), greedy(lengths[i]))).tokenIds());
            }
            assertArrayEquals(ref.greedyIds()[0], alone.get(0));
            assertArrayEquals(ref.greedyIds()[1], alone.get(1));
            try (BatchScheduler scheduler = new BatchScheduler(model, SchedulerLimits.defaults(), lanes,
                    BatchScheduler.DAEMON_THREADS)) {
                List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
                for (int i = 0; i < prompts.size(); i++) {
                    futures.add(scheduler.submit(GenerationRequest.of(prompts.get(i), greedy(lengths[i]))));
                    if (i == 3) {
                        futures.get(0).get(30, TimeUnit.SECONDS); // the rest join a batch already decoding
                    }
                }
                for (int i = 0; i < prompts.size(); i++) {
                    GenerationResult r = futures.get(i).get(60, TimeUnit.SECONDS);
                    assertArrayEquals(alone.get(i), r.tokenIds(), "request " + i);
                }
            }
        }
    }

    /** On one lane (classic continuous batching) and on two (a batch per core), both models. */
    @ParameterizedTest(name = "{0} on {1} lane(s)")
    @CsvSource({"tiny, 1", "demo, 1", "tiny, 2", "demo, 2"})
    void givesTheSameTokensAloneAndBatched(String which, int lanes) throws Exception {
        sameTokensAloneAndBatchedWithSevenOthers(which.equals("tiny") ? Reference.TINY : Reference.DEMO, lanes);
    }

    /**
     * After a lone request, a burst of eight at two idle lanes is split four and four (two prefills, each lane's
     * thread serving its own four); a request arriving while one lane runs two and the other one joins the lane
     * running one.
     */
    @Test
    void twoLanesShareABurstFairlyAndANewcomerJoinsTheLessBusyLane() throws Exception {
        try (LanguageModel model = tinyModel();
             BatchScheduler scheduler = new BatchScheduler(model,
                     SchedulerLimits.defaults().withAdmissionWindow(Duration.ofMillis(300)), 2,
                     BatchScheduler.DAEMON_THREADS)) {
            int[] prompt = {5957, 4575, 6872};
            // a lone request first: both idle lanes wake for it, one takes it, the other must live on
            scheduler.submit(GenerationRequest.of(prompt, greedy(2))).get(30, TimeUnit.SECONDS);
            java.util.Map<String, AtomicInteger> byThread = new java.util.concurrent.ConcurrentHashMap<>();
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AtomicInteger seen = new AtomicInteger();
                futures.add(scheduler.submit(new GenerationRequest(prompt, greedy(4), event -> {
                    if (seen.getAndIncrement() == 0) {
                        byThread.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }, null, null)));
            }
            for (CompletableFuture<GenerationResult> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(3, scheduler.stats().prefills(), "the lone request's, then one per lane");
            assertEquals(2, byThread.size(), "both lanes served: " + byThread);
            byThread.values().forEach(n -> assertEquals(4, n.get(), "four each: " + byThread));

            // lane A: two long requests; lane B: one; the newcomer goes to B
            byThread.clear();
            List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch started = new CountDownLatch(3);
            List<CompletableFuture<GenerationResult>> longOnes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                AtomicInteger seen = new AtomicInteger();
                longOnes.add(scheduler.submit(new GenerationRequest(prompt, greedy(400), event -> {
                    if (seen.getAndIncrement() == 0) {
                        threads.add(Thread.currentThread().getName());
                        started.countDown();
                    }
                }, null, null)));
            }
            await(started);
            String busier = threads.stream().filter(t -> java.util.Collections.frequency(threads, t) == 2)
                    .findFirst().orElseThrow(() -> new AssertionError("two and one expected: " + threads));
            CompletableFuture<String> newcomer = new CompletableFuture<>();
            scheduler.submit(new GenerationRequest(prompt, greedy(2),
                    event -> newcomer.complete(Thread.currentThread().getName()), null, null));
            String lane = newcomer.get(30, TimeUnit.SECONDS);
            assertTrue(!lane.equals(busier), "joined the lane running one, not " + busier);
            for (CompletableFuture<GenerationResult> f : longOnes) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void lanesMustFitTheBatch() {
        try (LanguageModel model = tinyModel()) {
            assertThrows(IllegalArgumentException.class,
                    () -> new BatchScheduler(model, new SchedulerLimits(2, 8, 1000), 3,
                            BatchScheduler.DAEMON_THREADS));
            assertThrows(IllegalArgumentException.class,
                    () -> new BatchScheduler(model, SchedulerLimits.defaults(), 0,
                            BatchScheduler.DAEMON_THREADS));
        }
    }

    /**
     * A row that ends at the context limit while a batch-mate goes on: both answers are the same as alone.
     * (The scheduler drops such a row at once rather than feed it positions past the context; this model
     * computes its rotary positions on the fly, so it would not fail either way.)
     */
    @Test
    void aRowEndingAtTheContextLimitLeavesItsBatchMateUntouched() throws Exception {
        try (LanguageModel model = tinyModel()) {
            int context = model.config().contextLength();
            int[] longPrompt = new int[context - 4];
            for (int i = 0; i < longPrompt.length; i++) {
                longPrompt[i] = 4000 + i % 97;
            }
            int[] shortPrompt = {5957, 4575, 6872};
            GenerationResult longAlone = model.generate(GenerationRequest.of(longPrompt, greedy(50)));
            GenerationResult shortAlone = model.generate(GenerationRequest.of(shortPrompt, greedy(40)));
            assertEquals(FinishReason.LENGTH, longAlone.finishReason());
            assertEquals(4, longAlone.completionTokens(), "the long prompt ends at the context limit");
            try (BatchScheduler scheduler = new BatchScheduler(model, SchedulerLimits.defaults())) {
                CompletableFuture<GenerationResult> longBatched = scheduler.submit(GenerationRequest.of(longPrompt,
                        greedy(50)));
                CompletableFuture<GenerationResult> shortBatched = scheduler.submit(GenerationRequest.of(shortPrompt,
                        greedy(40)));
                assertArrayEquals(longAlone.tokenIds(), longBatched.get(60, TimeUnit.SECONDS).tokenIds());
                GenerationResult shortResult = shortBatched.get(60, TimeUnit.SECONDS);
                assertEquals(FinishReason.LENGTH, shortResult.finishReason());
                assertArrayEquals(shortAlone.tokenIds(), shortResult.tokenIds());
            }
        }
    }

    /**
     * A beam search, then a greedy request: the greedy one streams all its tokens while the beams go on (it
     * used to wait for the whole search), and both answers are the same as alone.
     */
    @Test
    void aBeamSearchRunsAlongsideTheBatch() throws Exception {
        try (LanguageModel model = tinyModel();
             BatchScheduler scheduler = new BatchScheduler(model, SchedulerLimits.defaults())) {
            int[] prompt = {5957, 4575, 6872};
            GenerationSettings beamSettings = GenerationSettings.builder().numBeams(3).maxTokens(120)
                    .ignoreEos(true).build();
            GenerationResult beamAlone = model.generate(GenerationRequest.of(prompt, beamSettings));
            GenerationResult greedyAlone = model.generate(GenerationRequest.of(prompt, greedy(5)));
            AtomicInteger greedyTokens = new AtomicInteger();
            AtomicInteger greedyTokensWhenBeamsEnded = new AtomicInteger(-1);
            CompletableFuture<GenerationResult> beams = scheduler.submit(new GenerationRequest(prompt, beamSettings,
                    e -> greedyTokensWhenBeamsEnded.set(greedyTokens.get()), null, null));
            CompletableFuture<GenerationResult> greedy = scheduler.submit(new GenerationRequest(prompt, greedy(5),
                    e -> greedyTokens.incrementAndGet(), null, null));
            assertArrayEquals(greedyAlone.tokenIds(), greedy.get(30, TimeUnit.SECONDS).tokenIds());
            assertArrayEquals(beamAlone.tokenIds(), beams.get(60, TimeUnit.SECONDS).tokenIds());
            assertEquals(120, beamAlone.completionTokens());
            assertEquals(greedyAlone.completionTokens(), greedyTokensWhenBeamsEnded.get(),
                    "the greedy request ran to its end while the beams did");
            GenerationSettings longSearch = GenerationSettings.builder().numBeams(3).maxTokens(800).ignoreEos(true)
                    .build();
            GenerationResult late = scheduler.submit(new GenerationRequest(prompt, longSearch, null, null,
                    Instant.now().plusMillis(30))).get(60, TimeUnit.SECONDS);
            assertEquals(FinishReason.TIMEOUT, late.finishReason(), "a beam search ends at its deadline");
            assertTrue(late.completionTokens() < 800);
        }
    }

    /** Requests arriving a few milliseconds apart at an idle scheduler are prefilled in one model call. */
    @Test
    void aBurstArrivingAtAnIdleSchedulerIsPrefilledTogether() throws Exception {
        try (LanguageModel model = tinyModel();
             BatchScheduler scheduler = new BatchScheduler(model,
                     SchedulerLimits.defaults().withAdmissionWindow(Duration.ofMillis(500)))) {
            int[] prompt = {5957, 4575, 6872};
            GenerationResult alone = model.generate(GenerationRequest.of(prompt, greedy(6)));
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(scheduler.submit(GenerationRequest.of(prompt, greedy(6))));
                Thread.sleep(20);
            }
            for (CompletableFuture<GenerationResult> f : futures) {
                assertArrayEquals(alone.tokenIds(), f.get(30, TimeUnit.SECONDS).tokenIds());
            }
            assertEquals(1, scheduler.stats().prefills(), "one prefill for the burst");
        }
    }

    /** A lone request waits one quiet window, not the longest a burst may gather. */
    @Test
    void aLoneRequestWaitsOnlyOneWindow() throws Exception {
        try (LanguageModel model = tinyModel();
             BatchScheduler scheduler = new BatchScheduler(model,
                     SchedulerLimits.defaults().withAdmissionWindow(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            scheduler.submit(GenerationRequest.of(new int[] {5957, 4575, 6872}, greedy(3))).get(30, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= Duration.ofMillis(300).toNanos(), "it waited for batch-mates");
            assertTrue(elapsed < Duration.ofMillis(1500).toNanos(), "but not 8 windows: " + elapsed / 1_000_000 + " ms");
        }
    }

    /** A full batch does not wait out the admission window. */
    @Test
    void aFullBatchIsAdmittedWithoutWaitingForTheWindow() throws Exception {
        try (LanguageModel model = tinyModel();
             BatchScheduler scheduler = new BatchScheduler(model,
                     new SchedulerLimits(2, 8, 1000, Duration.ofSeconds(1)))) {
            int[] prompt = {5957, 4575, 6872};
            long start = System.nanoTime();
            CompletableFuture<GenerationResult> a = scheduler.submit(GenerationRequest.of(prompt, greedy(3)));
            CompletableFuture<GenerationResult> b = scheduler.submit(GenerationRequest.of(prompt, greedy(3)));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < Duration.ofMillis(900).toNanos(),
                    "two requests fill a batch of two: admitted at once, not after the 1 s window");
            assertEquals(1, scheduler.stats().prefills());
        }
    }

    @Test
    void outOfRangeAdmissionWindowsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SchedulerLimits.defaults().withAdmissionWindow(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> SchedulerLimits.defaults().withAdmissionWindow(Duration.ofSeconds(2)));
    }

    @Test
    void fullQueueIsRefusedAtOnceAndDeadlinesAndCancellationEndRequests() throws Exception {
        try (LanguageModel model = tinyModel();
             BatchScheduler scheduler = new BatchScheduler(model, new SchedulerLimits(1, 1, 100))) {
            int[] prompt = {5957, 4575, 6872};
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<GenerationResult> blocker = scheduler.submit(new GenerationRequest(prompt,
                    greedy(5), e -> {
                        started.countDown();
                        await(release);
                    }, null, null));
            started.await(10, TimeUnit.SECONDS); // the only row is busy; the next request waits in the queue
            CompletableFuture<GenerationResult> late = scheduler.submit(new GenerationRequest(prompt, greedy(5),
                    null, null, Instant.now().plusMillis(50)));
            assertThrows(OverloadedException.class, () -> scheduler.submit(GenerationRequest.of(prompt, greedy(5))));
            Thread.sleep(100);
            release.countDown();
            assertEquals(FinishReason.LENGTH, blocker.get(10, TimeUnit.SECONDS).finishReason());
            assertEquals(FinishReason.TIMEOUT, late.get(10, TimeUnit.SECONDS).finishReason());
            GenerationResult cancelled = scheduler.submit(new GenerationRequest(prompt, greedy(50), null,
                    () -> true, null)).get(10, TimeUnit.SECONDS);
            assertEquals(FinishReason.CANCELLED, cancelled.finishReason());
            int[] tooMany = new int[101];
            assertThrows(OverloadedException.class, () -> scheduler.submit(GenerationRequest.of(tooMany, greedy(1))));
            GenerationResult beams = scheduler.submit(GenerationRequest.of(prompt,
                    GenerationSettings.builder().numBeams(3).maxTokens(6).build())).get(10, TimeUnit.SECONDS);
            assertTrue(beams.completionTokens() > 0);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
