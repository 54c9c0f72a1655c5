package dev.lantern.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which ONNX file of a model directory to run. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** An explicit file name wins; "auto" prefers int8 (fastest on CPU here), then fp16 on CUDA, then fp32. */
    static Path chooseOnnx(Path directory, RuntimeOptions options) {
        String wanted = options.onnxFile();
        if (wanted != null && !wanted.isBlank() && !RuntimeOptions.AUTO.equalsIgnoreCase(wanted)) {
            Path file = directory.resolve(wanted);
            if (!Files.isRegularFile(file)) {
                throw new EngineException("no ONNX file " + wanted + " in " + directory);
            }
            return file;
        }
        List<String> order = options.useCuda()
                ? List.of("model_fp16.onnx", "model.onnx", "model_int8.onnx", "model_quantized.onnx")
                : List.of("model_int8.onnx", "model_quantized.onnx", "model.onnx", "model_fp16.onnx");
        return order.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new EngineException("no ONNX model file in " + directory));
    }
}
