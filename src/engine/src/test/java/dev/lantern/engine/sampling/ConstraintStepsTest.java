package dev.lantern.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** logit_bias and the constraint mask on a few floats. */
class ConstraintStepsTest {
    private static final TokenHistory EMPTY = TokenHistory.of(new int[] {1}, 1);

    @Test
    void logitBiasAddsAndChecksItsArguments() {
        float[] out = new float[3];
        new LogitBias(Map.of(0, -100f, 2, 2.5f)).apply(new float[] {1f, 1f, 1f}, out, EMPTY);
        assertArrayEquals(new float[] {-99f, 1f, 3.5f}, out);
        assertThrows(IllegalArgumentException.class, () -> new LogitBias(Map.of(0, 101f)));
        assertThrows(IllegalArgumentException.class, () -> new LogitBias(Map.of(-1, 1f)));
        assertThrows(IllegalArgumentException.class, () -> LogitBias.checkIds(Map.of(3, 1.0), 3));
    }

    @Test
    void maskKeepsAllowedScoresOnly() {
        float[] in = new float[130];
        java.util.Arrays.fill(in, 2f);
        BitSet allowed = new BitSet();
        allowed.set(0, 64);
        allowed.set(100);
        float[] out = new float[130];
        ConstrainedDecoding.mask(in, out, allowed);
        assertEquals(2f, out[63]);
        assertEquals(Float.NEGATIVE_INFINITY, out[64]);
        assertEquals(2f, out[100]);
        assertEquals(Float.NEGATIVE_INFINITY, out[129]);
    }
}
