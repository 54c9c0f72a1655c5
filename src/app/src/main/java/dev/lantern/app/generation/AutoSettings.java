package dev.lantern.app.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The automatic settings table ({@code lantern.generation.auto-settings}): settings chosen from the prompt length
 * when the caller sets none of temperature, top_p, top_k and num_beams (the tutorial's lesson 4). A rule applies
 * to prompts shorter than {@code belowTokens}; its null fields fall back to generation_config.json. The table is
 * applied in one place, {@link SettingsMapper}; the engine knows nothing of it.
 */
public record AutoSettings(List<Rule> rules) {

    public static final AutoSettings NONE = new AutoSettings(List.of());

    public AutoSettings {
        rules = rules.stream().sorted(Comparator.comparingInt(Rule::belowTokens)).toList();
    }

    public record Rule(int belowTokens, Integer numBeams, Double temperature, Double topP, Integer topK) {
    }

    /** The first rule whose bound exceeds the prompt length, or null. */
    public Rule forPromptLength(int promptTokens) {
        return rules.stream().filter(r -> promptTokens < r.belowTokens()).findFirst().orElse(null);
    }

    /**
     * Reads {@code "64:num_beams=3,temperature=0.5; 512:temperature=0.7; *:num_beams=1"}: rules separated by
     * semicolons, each a bound (or {@code *} for the rest) and comma-separated keys num_beams, temperature,
     * top_p, top_k. An empty spec means no automatic settings.
     */
    static AutoSettings parse(String spec) {
        List<Rule> rules = new ArrayList<>();
        for (String part : spec == null ? new String[0] : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] boundAndKeys = part.split(":", 2);
            String bound = boundAndKeys[0].trim();
            Integer beams = null;
            Double temperature = null;
            Double topP = null;
            Integer topK = null;
            for (String pair : boundAndKeys.length > 1 ? boundAndKeys[1].split(",") : new String[0]) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("auto settings: expected key=value, got '" + pair.trim() + "'");
                }
                String value = kv[1].trim();
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "num_beams" -> beams = Integer.valueOf(value);
                    case "temperature" -> temperature = Double.valueOf(value);
                    case "top_p" -> topP = Double.valueOf(value);
                    case "top_k" -> topK = Integer.valueOf(value);
                    default -> throw new IllegalArgumentException("auto settings: unknown key '" + kv[0].trim() + "'");
                }
            }
            rules.add(new Rule("*".equals(bound) ? Integer.MAX_VALUE : Integer.parseInt(bound), beams, temperature,
                    topP, topK));
        }
        return new AutoSettings(rules);
    }
}
