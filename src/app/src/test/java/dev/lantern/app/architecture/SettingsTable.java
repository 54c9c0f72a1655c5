package dev.lantern.app.architecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's table of the application's settings, made from microprofile-config.properties, where every
 * default is written once: each group of {@code lantern.*} keys with the comment above it becomes a row (the keys
 * as environment variables, their defaults, the comment as the meaning). Other keys (MicroProfile's own) and
 * comment lines starting {@code ---} (section titles) are left out.
 */
final class SettingsTable {

    static final String BEGIN = "<!-- settings: generated from microprofile-config.properties by SettingsDocumentedTest -->";
    static final String END = "<!-- end of settings -->";

    private SettingsTable() {
    }

    /** The keys and their defaults, in file order. */
    static Map<String, String> defaults(List<String> properties) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : properties) {
            if (!line.startsWith("#") && line.contains("=")) {
                defaults.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return defaults;
    }

    static String render(List<String> properties) {
        StringBuilder table = new StringBuilder(BEGIN).append('\n')
                .append("| environment variable (MicroProfile Config name) | default | meaning |\n|---|---|---|\n");
        List<String> comment = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        for (String line : properties) {
            if (line.startsWith("#")) {
                if (!keys.isEmpty()) {
                    row(table, comment, keys);
                }
                String text = line.substring(1).trim();
                if (!text.startsWith("---")) {
                    comment.add(text);
                }
            } else if (line.isBlank()) {
                row(table, comment, keys);
            } else if (line.startsWith("lantern.")) {
                keys.add(new String[] {line.substring(0, line.indexOf('=')).trim(),
                        line.substring(line.indexOf('=') + 1).trim()});
            } else {
                keys.clear();
                comment.clear();
            }
        }
        row(table, comment, keys);
        return table.append(END).toString();
    }

    private static void row(StringBuilder table, List<String> comment, List<String[]> keys) {
        if (!keys.isEmpty()) {
            List<String> names = new ArrayList<>();
            List<String> defaults = new ArrayList<>();
            for (String[] key : keys) {
                names.add("`" + environmentName(key[0]) + "` (`" + key[0] + "`)");
                defaults.add(key[1].isEmpty() ? "unset" : "`" + key[1] + "`");
            }
            table.append("| ").append(String.join("<br>", names)).append(" | ").append(String.join("<br>", defaults))
                    .append(" | ").append(String.join(" ", comment).replace("|", "\\|")).append(" |\n");
        }
        keys.clear();
        comment.clear();
    }

    /** MicroProfile Config's environment form: upper case, every other character an underscore. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
