package dev.lantern.bench;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline in the server's layout: the prompts split over {@code lanes} bare loops that run side by side on
 * one session (as the scheduler's lanes share theirs), each call on {@code threads} ONNX Runtime threads.
 */
final class BareLanes implements AutoCloseable {
    private final BareDecodeLoop loop;
    private final int lanes;
    private final ExecutorService pool;

    BareLanes(String onnxFile, int lanes, int threads) throws OrtException {
        this.loop = new BareDecodeLoop(onnxFile, threads);
        this.lanes = lanes;
        this.pool = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "bare-lane");
            t.setDaemon(true);
            return t;
        });
    }

    /** Wall nanoseconds to decode {@code newTokens} for every prompt, the prompts dealt out over the lanes. */
    long decode(List<int[]> prompts, int newTokens) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        int per = (prompts.size() + lanes - 1) / lanes;
        for (int from = 0; from < prompts.size(); from += per) {
            List<int[]> share = prompts.subList(from, Math.min(prompts.size(), from + per));
            running.add(pool.submit(() -> loop.decode(share, newTokens)));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return System.nanoTime() - start;
    }

    /** One stream on one lane. */
    long decodeOne(int[] prompt, int newTokens) throws OrtException {
        return loop.decode(List.of(prompt), newTokens).totalNanos();
    }

    @Override
    public void close() throws OrtException {
        pool.shutdownNow();
        loop.close();
    }
}
