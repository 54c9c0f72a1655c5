package dev.lantern.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    private static final AutoSettings TABLE = AutoSettings.parse(
            "64:num_beams=3; 512:temperature=0.6,top_p=0.9; *:num_beams=1,temperature=0.8");

    @Test
    void autoTableChoosesByPromptLength() {
        GenerationSettings none = GenerationSettings.defaults();
        assertEquals(3, SamplingParams.resolve(none, HF, TABLE, 10).numBeams());
        SamplingParams medium = SamplingParams.resolve(none, HF, TABLE, 100);
        assertEquals(0.6f, medium.temperature());
        assertEquals(50, medium.topK(), "not in the rule: from generation_config");
        SamplingParams longPrompt = SamplingParams.resolve(none, HF, TABLE, 2000);
        assertEquals(1, longPrompt.numBeams());
        assertEquals(0.8f, longPrompt.temperature());
    }

    @Test
    void explicitValuesAlwaysWin() {
        SamplingParams p = SamplingParams.resolve(GenerationSettings.builder().temperature(0.2).build(), HF, TABLE, 10);
        assertEquals(1, p.numBeams(), "auto table skipped once the caller set temperature");
        assertEquals(0.2f, p.temperature());
        assertEquals(0.9f, p.topP());
        assertEquals(0.7f, SamplingParams.resolve(GenerationSettings.defaults(), HF, AutoSettings.NONE, 10)
                .temperature());
    }

    @Test
    void badSpecIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AutoSettings.parse("64:beams=3"));
        assertEquals(0, AutoSettings.parse("").rules().size());
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
