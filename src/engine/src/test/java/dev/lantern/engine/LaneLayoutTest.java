package dev.lantern.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneLayoutTest {
    @TempDir
    Path dir;

    private Path modelOf(String file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(file).toFile(), "rw")) {
            f.setLength(bytes);
        }
        return dir;
    }

    @Test
    void aSmallModelGetsOneLanePerCoreWithOneThreadEach() throws IOException {
        Path model = modelOf("model_int8.onnx", 11L << 20);
        assertEquals(new LaneLayout(2, 1), LaneLayout.resolve(model, RuntimeOptions.defaults(), 0, 8, 2));
        assertEquals(new LaneLayout(8, 2), LaneLayout.resolve(model, RuntimeOptions.defaults(), 0, 8, 16),
                "no more lanes than rows; the cores are shared out");
        assertEquals(new LaneLayout(1, 0), LaneLayout.resolve(model, RuntimeOptions.defaults(), 0, 8, 1));
        assertEquals(new LaneLayout(2, 2), LaneLayout.resolve(model, RuntimeOptions.defaults().withIntraOpThreads(2),
                0, 8, 4), "configured threads divide the cores");
    }

    @Test
    void aLargeModelOrCudaGetsOneLaneWithTheConfiguredThreads() throws IOException {
        Path model = modelOf("model.onnx", 10L << 20);
        modelOf("model.onnx_data", 60L << 20); // external weights count
        assertEquals(new LaneLayout(1, 0), LaneLayout.resolve(model, RuntimeOptions.defaults(), 0, 8, 2));
        assertEquals(new LaneLayout(1, 3), LaneLayout.resolve(model, RuntimeOptions.defaults().withIntraOpThreads(3),
                0, 8, 2));
        Path small = modelOf("model_int8.onnx", 1L << 20);
        assertEquals(new LaneLayout(1, 0), LaneLayout.resolve(small, RuntimeOptions.defaults().withCuda(true)
                .withOnnxFile("model_int8.onnx"), 0, 8, 2));
    }

    @Test
    void configuredLanesWinAndShareTheCores() throws IOException {
        Path model = modelOf("model.onnx", 100L << 20);
        assertEquals(new LaneLayout(2, 2), LaneLayout.resolve(model, RuntimeOptions.defaults(), 2, 8, 4));
        assertEquals(new LaneLayout(1, 0), LaneLayout.resolve(model, RuntimeOptions.defaults(), 1, 8, 4));
        assertEquals(new LaneLayout(4, 1), LaneLayout.resolve(model, RuntimeOptions.defaults(), 4, 4, 2));
        assertThrows(IllegalArgumentException.class,
                () -> LaneLayout.resolve(model, RuntimeOptions.defaults(), -1, 8, 2));
    }
}
