package dev.lantern.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.engine.EngineException;
import dev.lantern.engine.RuntimeOptions;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Creates sessions on the shared environment. CUDA is tried at most once per process: a failed
 * {@code addCUDA} unpacks hundreds of megabytes of provider libraries before it fails.
 */
public final class OrtRuntime {
    private static final Logger LOG = Logger.getLogger(OrtRuntime.class.getName());
    private static final Object CUDA_LOCK = new Object();
    private static String cudaFailure; // null until tried; "" when CUDA works
    
    private OrtRuntime() {
    }

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    public static OrtSession open(Path onnxFile, RuntimeOptions options) {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(options.optimization());
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            String provider = addProvider(so, options);
            OrtSession session = environment().createSession(onnxFile.toString(), so);
            LOG.info(() -> "ONNX Runtime " + provider + " for " + onnxFile.getFileName());
            return session;
        } catch (OrtException e) {
            throw new EngineException("cannot open ONNX model " + onnxFile, e);
        }
    }

    private static String addProvider(OrtSession.SessionOptions so, RuntimeOptions options) {
        if (!options.useCuda()) {
            return "CPU execution provider (CUDA not requested)";
        }
        synchronized (CUDA_LOCK) {
            if (cudaFailure == null || cudaFailure.isEmpty()) {
                try {
                    so.addCUDA(options.cudaDevice());
                    cudaFailure = "";
                    return "CUDA execution provider on device " + options.cudaDevice();
                } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                    cudaFailure = String.valueOf(e.getMessage());
                }
            }
            return "CPU execution provider (CUDA requested but unavailable: " + cudaFailure + ")";
        }
    }
}
