package dev.lantern.app.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured language model: the id clients name in {@code model}, its directory, and the Jinja file that
 * replaces its chat template when the operator configures one (null: the model's own).
 *
 * <p>{@code LANTERN_MODELS} lists them as {@code id=path;id2=path2} (a bare {@code path} takes the directory's
 * name as its id). The default model is {@code LANTERN_DEFAULT_MODEL} when set, else the first one listed.
 * {@code lantern.models.chat-templates} ({@code LANTERN_MODELS_CHAT_TEMPLATES}) names template files the same
 * way: {@code id=/path/template.jinja;id2=...}.
 */
public record ModelSpec(String id, Path directory, Path chatTemplate) {

    private static final String TEMPLATES = "lantern.models.chat-templates";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    /** The models of {@code spec}, the default first. */
    public static List<ModelSpec> parse(String spec, Optional<String> defaultId) {
        List<ModelSpec> models = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String entry : spec == null ? new String[0] : spec.split("[;\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            Path dir = Path.of(entry.substring(eq + 1).trim());
            String id = eq > 0 ? entry.substring(0, eq).trim() : String.valueOf(dir.getFileName());
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("LANTERN_MODELS: not a valid model id: '" + id + "'");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("LANTERN_MODELS: model id '" + id + "' is listed twice");
            }
            models.add(new ModelSpec(id, dir, null));
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("LANTERN_MODELS lists no model");
        }
        String wanted = defaultId.map(String::trim).filter(s -> !s.isEmpty()).orElse(models.get(0).id());
        ModelSpec first = models.stream().filter(m -> m.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("LANTERN_DEFAULT_MODEL '" + wanted
                        + "' is not one of LANTERN_MODELS " + ids));
        models.remove(first);
        models.add(0, first);
        return List.copyOf(models);
    }

    /** {@code models} with the chat template files of {@code spec} ({@code id=file;...}; blank: none). */
    public static List<ModelSpec> withChatTemplates(List<ModelSpec> models, String spec) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String entry : spec == null ? new String[0] : spec.split("[;\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String id = eq > 0 ? entry.substring(0, eq).trim() : "";
            if (eq <= 0 || entry.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException(TEMPLATES + ": expected id=/path/to/template.jinja, not '" + entry + "'");
            }
            if (models.stream().noneMatch(m -> m.id().equals(id))) {
                throw new IllegalArgumentException(TEMPLATES + ": '" + id + "' is not a model of LANTERN_MODELS");
            }
            if (files.put(id, Path.of(entry.substring(eq + 1).trim())) != null) {
                throw new IllegalArgumentException(TEMPLATES + ": model '" + id + "' is listed twice");
            }
        }
        return models.stream().map(m -> new ModelSpec(m.id(), m.directory(), files.get(m.id()))).toList();
    }
}
