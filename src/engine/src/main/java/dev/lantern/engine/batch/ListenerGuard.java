package dev.lantern.engine.batch;

import dev.lantern.engine.GenerationRequest;
import dev.lantern.engine.TokenListener;
import java.util.concurrent.atomic.AtomicBoolean;

/** A listener that throws cancels its own request instead of failing the whole batch. */
final class ListenerGuard {
    private ListenerGuard() {
    }

    static GenerationRequest guard(GenerationRequest request) {
        AtomicBoolean failed = new AtomicBoolean();
        TokenListener inner = request.listener();
        TokenListener safe = event -> {
            if (!failed.get()) {
                try {
                    inner.onToken(event);
                } catch (RuntimeException e) {
                    failed.set(true);
                }
            }
        };
        return new GenerationRequest(request.promptIds(), request.settings(), safe,
                () -> failed.get() || request.cancelled().getAsBoolean(), request.deadline(),
                request.prefixScope());
    }
}
