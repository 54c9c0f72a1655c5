package dev.lantern.app.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One window of a policy: at most {@code amount} (requests or tokens) per {@code window}. Written in
 * configuration as {@code 10/minute}, {@code 50/hour}, {@code 200/day}, {@code 5/30s} or with an ISO-8601
 * duration ({@code 100/PT10M}); several windows are separated by commas.
 */
public record Limit(long amount, Duration window) {

    public Limit {
        if (amount < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs a positive amount and window");
        }
    }

    public static List<Limit> parseAll(String text) {
        List<Limit> limits = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                limits.add(parse(item.trim()));
            }
        }
        return List.copyOf(limits);
    }

    public static Limit parse(String text) {
        String[] parts = text.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a limit (expected e.g. 10/minute): " + text);
        }
        long amount = Long.parseLong(parts[0].trim().replace("_", ""));
        return new Limit(amount, window(parts[1].trim().toLowerCase(Locale.ROOT)));
    }

    private static Duration window(String unit) {
        return switch (unit) {
            case "second", "s" -> Duration.ofSeconds(1);
            case "minute", "min", "m" -> Duration.ofMinutes(1);
            case "hour", "h" -> Duration.ofHours(1);
            case "day", "d" -> Duration.ofDays(1);
            default -> unit.startsWith("p") ? Duration.parse(unit.toUpperCase(Locale.ROOT))
                    : Duration.ofSeconds(Long.parseLong(unit.replaceAll("s$", "")));
        };
    }

    @Override
    public String toString() {
        return amount + "/" + window.toSeconds() + "s";
    }
}
