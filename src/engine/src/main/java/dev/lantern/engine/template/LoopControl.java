package dev.lantern.engine.template;

/** {@code break} and {@code continue} unwinding to their loop: preallocated, without stack traces. */
abstract class LoopControl extends RuntimeException {
    static final Break BREAK = new Break();
    static final Continue CONTINUE = new Continue();

    private LoopControl() {
        super(null, null, false, false);
    }

    static final class Break extends LoopControl {
    }

    static final class Continue extends LoopControl {
    }
}
