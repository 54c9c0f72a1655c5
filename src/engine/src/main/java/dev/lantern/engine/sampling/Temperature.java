package dev.lantern.engine.sampling;

/** Divides scores by the temperature (> 0); below 1 sharpens the distribution, above 1 flattens it. */
public record Temperature(float temperature) implements LogitsStep {
    public Temperature {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
    }

    @Override
    public void apply(float[] in, float[] out, TokenHistory history) {
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] / temperature;
        }
    }
}
