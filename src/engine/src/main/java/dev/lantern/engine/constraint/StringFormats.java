package dev.lantern.engine.constraint;

import java.util.Map;

/**
 * The {@code format}s a string can be held to, as regular expressions of the {@link RegexParser} subset. Each
 * accepts a subset of what RFC 3339 / RFC 4122 / RFC 5321 allow, chosen so that every validator accepts it: dates
 * with real month lengths (February up to the 28th, so leap years need no arithmetic), times without leap seconds,
 * upper-case {@code T} and {@code Z}, offsets within ±17:59
 * (java.time's range), and plain dot-atom e-mail addresses
 * under a few common top-level domains.
 */
final class StringFormats {
    private static final String DATE = "[1-9][0-9]{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
            + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))";
    private static final String TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,6})?"
            + "(?:Z|[+-](?:0[0-9]|1[0-7]):[0-5][0-9])";
    private static final String HEX = "[0-9a-fA-F]";
    private static final String ATOM = "[A-Za-z0-9_+-]{1,20}";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,20}[A-Za-z0-9])?";
    /** Validators check the top-level domain against IANA's list: these few are on every version of it. */
    private static final String TOP_LEVEL_DOMAIN = "(?:com|org|net|edu|gov|int|info|io|dev|app|ai|co|uk|de|fr|jp)";
    private static final Map<String, String> REGEX = Map.of(
            "date", DATE,
            "time", TIME,
            "date-time", DATE + "T" + TIME,
            "uuid", HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{12}",
            "email", ATOM + "(?:\\." + ATOM + "){0,2}@(?:" + LABEL + "\\.){1,3}" + TOP_LEVEL_DOMAIN);

    private StringFormats() {
    }

    /** The strings of the format, or null when it is not one of the supported ones. */
    static CharDfa of(String format) {
        String regex = REGEX.get(format);
        return regex == null ? null : RegexParser.compileAnchored(regex);
    }

    static java.util.Set<String> names() {
        return REGEX.keySet();
    }
}
