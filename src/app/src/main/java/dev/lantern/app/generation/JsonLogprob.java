package dev.lantern.app.generation;

/**
 * A log-probability as JSON can carry it. A token that sampling ruled out (top-k, top-p, min-p, a grammar mask, a
 * -100 logit bias) has log-probability minus infinity, which JSON has no number for: JSON-B refused to write the
 * answer and the caller got a 500 after the generation (found by the reliability suite's fuzzer). vLLM and OpenAI
 * write -9999.0 for it; so does Lantern (NaN too).
 */
final class JsonLogprob {

    static final double FLOOR = -9999.0;

    private JsonLogprob() {
    }

    static double of(float logprob) {
        return Float.isFinite(logprob) ? logprob : FLOOR;
    }
}
