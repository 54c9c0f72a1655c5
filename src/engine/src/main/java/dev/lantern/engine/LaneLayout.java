package dev.lantern.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a model's work is spread over the CPU: {@code lanes} batches side by side, each on a thread of its own
 * (see {@link dev.lantern.engine.batch.BatchScheduler}), each model call on {@code intraOpThreads} threads
 * (0: ONNX Runtime's choice, one per core).
 *
 * <p>A small model's operators are too small to split over threads. On the demo model (int8, 11 MB) two
 * lanes of four rows, one thread each, made 3,300 tokens/s in a bare loop against 2,100 for one batch of eight
 * on two threads, and through the server's HTTP API 2,050-2,380 against 1,520-1,920; the fp32 file (42 MB)
 * gained less (HTTP 1,110-1,360 against 1,250-1,280 tokens/s, first tokens 40 ms sooner). A single stream ran
 * as fast on one thread as on two (bench/README.md). Large models gain from splitting each operator. So by
 * default (lanes 0) a model file up to {@link #SMALL_MODEL_BYTES} gets one lane per core with one thread each,
 * a larger one or a CUDA model one lane with ONNX Runtime's threads.
 */
public record LaneLayout(int lanes, int intraOpThreads) {
    /** Model files (with external data) up to this size count as small. */
    public static final long SMALL_MODEL_BYTES = 64L * 1024 * 1024;

    public LaneLayout {
        if (lanes < 1 || intraOpThreads < 0) {
            throw new IllegalArgumentException("lanes must be at least 1 and threads not negative: " + lanes + ", "
                    + intraOpThreads);
        }
    }

    /**
     * @param configuredLanes   lanes asked for; 0 decides from the model's size
     * @param configuredThreads intra-op threads asked for; 0 decides (one per lane's share of the cores)
     * @param maxBatchSize      lanes are capped here: each needs at least one row
     * @param cores             processors available to this process
     */
    public static LaneLayout resolve(Path modelDirectory, RuntimeOptions options, int configuredLanes,
                                     int maxBatchSize, int cores) {
        if (configuredLanes < 0) {
            throw new IllegalArgumentException("lanes must not be negative: " + configuredLanes);
        }
        int threads = options.intraOpThreads();
        int lanes;
        if (configuredLanes > 0) {
            lanes = configuredLanes;
        } else if (options.useCuda() || onnxBytes(ModelFiles.chooseOnnx(modelDirectory, options)) > SMALL_MODEL_BYTES) {
            return new LaneLayout(1, threads);
        } else {
            lanes = Math.max(1, cores / Math.max(1, threads));
        }
        lanes = Math.min(lanes, maxBatchSize);
        return new LaneLayout(lanes, threads > 0 || lanes == 1 ? threads : Math.max(1, cores / lanes));
    }

    /** The file and its external data ({@code model.onnx_data} or {@code model.onnx.data}), if any. */
    static long onnxBytes(Path onnx) {
        long bytes = 0;
        for (Path file : new Path[] {onnx, onnx.resolveSibling(onnx.getFileName() + "_data"),
                onnx.resolveSibling(onnx.getFileName() + ".data")}) {
            try {
                if (Files.isRegularFile(file)) {
                    bytes += Files.size(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    public RuntimeOptions applyTo(RuntimeOptions options) {
        return options.withIntraOpThreads(intraOpThreads);
    }
}
