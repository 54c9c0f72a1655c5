package dev.lantern.engine;

import java.util.Locale;

/** Why a sequence ended; {@link #wireName()} is the OpenAI-style lower-case spelling. */
public enum FinishReason {
    STOP, LENGTH, CANCELLED, TIMEOUT, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
