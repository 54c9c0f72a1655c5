package dev.lantern.engine;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

/**
 * How ONNX Runtime runs a model.
 *
 * @param useCuda         ask for the CUDA execution provider; falls back to CPU (once per process) when absent
 * @param cudaDevice      the CUDA device id
 * @param intraOpThreads  threads inside one operator; 0 lets ONNX Runtime choose
 * @param optimization    graph optimisation level
 * @param onnxFile        the ONNX file inside the model directory, or {@code "auto"}: model_int8.onnx when
 *                        present (the fastest on CPU here), else model_fp16.onnx on CUDA, else model.onnx
 */
public record RuntimeOptions(boolean useCuda, int cudaDevice, int intraOpThreads, OptLevel optimization,
                             String onnxFile) {

    public static final String AUTO = "auto";

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(false, 0, 0, OptLevel.ALL_OPT, AUTO);
    }

    /**
     * From plain configuration values (e.g. MicroProfile Config), so callers need no ONNX Runtime types.
     *
     * @param optimization {@code all}, {@code extended}, {@code basic} or {@code none}
     */
    public static RuntimeOptions of(boolean useCuda, int intraOpThreads, String optimization, String onnxFile) {
        OptLevel level = switch (optimization == null ? "all" : optimization.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> OptLevel.ALL_OPT;
            case "extended" -> OptLevel.EXTENDED_OPT;
            case "basic" -> OptLevel.BASIC_OPT;
            case "none" -> OptLevel.NO_OPT;
            default -> throw new IllegalArgumentException("optimization must be all, extended, basic or none: "
                    + optimization);
        };
        return new RuntimeOptions(useCuda, 0, intraOpThreads, level, onnxFile == null ? AUTO : onnxFile);
    }

    public RuntimeOptions withOnnxFile(String file) {
        return new RuntimeOptions(useCuda, cudaDevice, intraOpThreads, optimization, file);
    }

    public RuntimeOptions withIntraOpThreads(int threads) {
        return new RuntimeOptions(useCuda, cudaDevice, threads, optimization, onnxFile);
    }

    public RuntimeOptions withCuda(boolean cuda) {
        return new RuntimeOptions(cuda, cudaDevice, intraOpThreads, optimization, onnxFile);
    }
}
