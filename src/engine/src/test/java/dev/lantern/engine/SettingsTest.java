package dev.lantern.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.engine.ModelConfig.GenerationDefaults;
import dev.lantern.engine.onnx.HalfFloat;
import dev.lantern.engine.sampling.SamplingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    private static final GenerationDefaults HF = new GenerationDefaults(true, 0.7, 0.9, 50, 1.0, 1, 256);

    @Test
    void explicitValuesWinOverGenerationConfig() {
        SamplingParams p = SamplingParams.resolve(GenerationSettings.builder().temperature(0.2).build(), HF);
        assertEquals(1, p.numBeams());
        assertEquals(0.2f, p.temperature());
        assertEquals(0.9f, p.topP(), "not set: from generation_config");
        assertEquals(0.7f, SamplingParams.resolve(GenerationSettings.defaults(), HF).temperature());
    }

    @Test
    void eosMayBeAnIntOrAList(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"),
                "{\"eos_token_id\": 2, \"num_attention_heads\": 4, \"hidden_size\": 64, \"n_positions\": 512}");
        Files.writeString(dir.resolve("generation_config.json"), "{\"eos_token_id\": [2, 7]}");
        ModelConfig c = ModelConfig.read(dir, 0);
        assertEquals(Set.of(2, 7), c.eosTokenIds());
        assertEquals(512, c.contextLength());
        assertEquals(16, c.headDim());
        Files.writeString(dir.resolve("config.json"), "{\"eos_token_id\": 2}");
        assertEquals(4096, ModelConfig.read(dir, 4096).contextLength(), "from tokenizer model_max_length");
    }

    @Test
    void halfFloatRoundTrips() {
        for (float f : new float[] {0f, 1f, -2.5f, 65504f, 6.1035156e-5f, 5.9604645e-8f, 0.1f}) {
            assertEquals(f, HalfFloat.toFloat(HalfFloat.fromFloat(f)), Math.abs(f) * 1e-3);
        }
        assertEquals((short) 0x3c00, HalfFloat.fromFloat(1f));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloat.toFloat(HalfFloat.fromFloat(1e6f)));
    }
}
