package dev.lantern.app.generation;

import dev.lantern.engine.GenerationResult;
import dev.lantern.engine.TokenEvent;
import dev.lantern.engine.TokenListener;
import java.time.Duration;

/** One choice's listener: times the first token and the gaps between tokens, then passes each token on. */
final class MeteredListener implements TokenListener {

    private final GenerationMetrics metrics;
    private final String model;
    private final int choice;
    private final ChoiceListener next;
    private final long submitted = System.nanoTime();
    private long last;

    MeteredListener(GenerationMetrics metrics, String model, int choice, ChoiceListener next) {
        this.metrics = metrics;
        this.model = model;
        this.choice = choice;
        this.next = next;
    }

    @Override
    public void onToken(TokenEvent event) {
        long now = System.nanoTime();
        if (last == 0) {
            metrics.firstToken(model, Duration.ofNanos(now - submitted));
        } else {
            metrics.nextToken(model, Duration.ofNanos(now - last));
        }
        last = now;
        next.onToken(choice, event);
    }

    /** Called once the choice's future completes (on the scheduler thread, after its last token). */
    void finished(GenerationResult result) {
        metrics.finished(model, last != 0, result, Duration.ofNanos(System.nanoTime() - submitted));
    }
}
