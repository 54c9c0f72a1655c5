package dev.lantern.engine.generation;

import java.util.List;

/**
 * Cuts the output at the first stop string, which is itself never part of the text. While the text ends
 * with the beginning of a stop string, that tail is held back, so nothing past a stop is ever streamed.
 */
final class StopStringMatcher {
    private final List<String> stops;
    private final int longest;
    private final StringBuilder text = new StringBuilder();
    private int emitted;
    private boolean stopped;

    StopStringMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
        this.longest = this.stops.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Adds decoded text; returns what may now be streamed. */
    String push(String delta) {
        if (stopped || delta.isEmpty()) {
            return "";
        }
        int searchFrom = Math.max(0, text.length() - longest + 1);
        text.append(delta);
        int cut = -1;
        for (String stop : stops) {
            int at = text.indexOf(stop, searchFrom);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        if (cut >= 0) {
            stopped = true;
            text.setLength(cut);
            return release(cut);
        }
        return release(text.length() - heldBack());
    }

    /** The held-back tail, at the end of a sequence that did not stop on a string. */
    String flush() {
        return release(text.length());
    }

    boolean stopped() {
        return stopped;
    }

    /** The text streamed so far. */
    String text() {
        return text.substring(0, emitted);
    }

    private String release(int upTo) {
        String out = text.substring(emitted, upTo);
        emitted = upTo;
        return out;
    }

    /** Length of the longest text suffix that is a proper prefix of some stop string. */
    private int heldBack() {
        int max = Math.min(longest - 1, text.length() - emitted);
        for (int k = max; k > 0; k--) {
            for (String stop : stops) {
                if (k < stop.length() && endsWithPrefix(stop, k)) {
                    return k;
                }
            }
        }
        return 0;
    }

    private boolean endsWithPrefix(String stop, int k) {
        int offset = text.length() - k;
        for (int i = 0; i < k; i++) {
            if (text.charAt(offset + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
