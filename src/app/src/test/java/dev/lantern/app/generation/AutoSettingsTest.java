package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.engine.GenerationSettings;
import org.junit.jupiter.api.Test;

/** The automatic settings table, applied in one place: SettingsMapper. */
class AutoSettingsTest {

    private static final AutoSettings TABLE = AutoSettings.parse(
            "64:num_beams=3; 512:temperature=0.6,top_p=0.9; *:num_beams=1,temperature=0.8");

    @Test
    void theTableChoosesByPromptLength() {
        assertEquals(3, settings(request(null, null), 10).numBeams());
        GenerationSettings medium = settings(request(null, null), 100);
        assertEquals(0.6, medium.temperature());
        assertNull(medium.topK(), "not in the rule: left to generation_config");
        GenerationSettings longPrompt = settings(request(null, null), 2000);
        assertEquals(1, longPrompt.numBeams());
        assertEquals(0.8, longPrompt.temperature());
    }

    @Test
    void explicitValuesSwitchTheTableOff() {
        GenerationSettings chosen = settings(request(0.2, null), 10);
        assertNull(chosen.numBeams(), "the table is skipped once the caller set temperature");
        assertEquals(0.2, chosen.temperature());
        assertNull(chosen.topP());
        assertNull(SettingsMapper.settings(request(null, null), AutoSettings.NONE, 10, 0).temperature());
    }

    @Test
    void aBadSpecIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AutoSettings.parse("64:beams=3"));
        assertEquals(0, AutoSettings.parse("").rules().size());
    }

    private static GenerationSettings settings(GenerateRequest request, int promptTokens) {
        return SettingsMapper.settings(request, TABLE, promptTokens, 0);
    }

    private static GenerateRequest request(Double temperature, Integer topK) {
        return new GenerateRequest("text", null, temperature, null, null, null, null, null, null, topK, null, null,
                null, null, null, null, null, null);
    }
}
