package dev.lantern.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One place per setting (issue 17): the application reads a setting one way (a {@code @ConfigProperty} on a
 * constructor or producer parameter, into the feature's settings object), never with a default in code; every
 * {@code lantern.*} setting it reads has its default in microprofile-config.properties (empty when unset, for
 * optional ones), and the README's settings table is generated from that file, so neither can drift. Run with
 * {@code -Dlantern.readme.write=true} to rewrite the README's table after changing the file.
 */
class SettingsDocumentedTest {

    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path README = Path.of("../../README.md");
    private static final Path SERVER_CONFIG = Path.of("../../server-config");
    private static final String UNSET = ConfigProperty.UNCONFIGURED_VALUE;

    private static JavaClasses app;
    private static List<String> properties;

    private record Reading(String name, String where, boolean optional, String defaultValue) {
    }

    @BeforeAll
    static void read() throws IOException {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lantern.app");
        properties = Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8);
    }

    @Test
    void settingsAreReadOneWayWithoutDefaultsInCode() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass type : app) {
            for (JavaField field : type.getFields()) {
                if (field.isAnnotatedWith(ConfigProperty.class)) {
                    wrong.add(field.getFullName() + ": a field; read settings through a constructor or producer");
                }
            }
        }
        for (Reading reading : readings()) {
            if (!UNSET.equals(reading.defaultValue())) {
                wrong.add(reading.where() + ": a default in code (" + reading.name() + "); it belongs in "
                        + PROPERTIES.getFileName());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everySettingReadHasItsDefaultInThePropertiesOrTheServerConfiguration() throws IOException {
        Map<String, String> defaults = SettingsTable.defaults(properties);
        String serverXml = serverConfiguration();
        List<String> missing = new ArrayList<>();
        for (Reading reading : readings()) {
            String name = reading.name();
            boolean inProperties = defaults.containsKey(name)
                    && (reading.optional() || !defaults.get(name).isEmpty());
            boolean serverVariable = serverXml.contains("<variable name=\"" + name + "\"");
            if (!inProperties && !serverVariable && !reading.optional()) {
                missing.add(reading.where() + " reads " + name + ", which has no default");
            }
            if (name.startsWith("lantern.") && !defaults.containsKey(name) && !serverVariable) {
                missing.add(reading.where() + " reads " + name + ", which " + PROPERTIES.getFileName()
                        + " does not list (an optional one with an empty value)");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void theReadmeTableIsTheOneTheDefaultsMake() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = SettingsTable.render(properties);
        Matcher table = Pattern.compile(Pattern.quote(SettingsTable.BEGIN) + ".*?" + Pattern.quote(SettingsTable.END),
                Pattern.DOTALL).matcher(readme);
        assertTrue(table.find(), "README.md has no settings table between " + SettingsTable.BEGIN + " and "
                + SettingsTable.END);
        if (Boolean.getBoolean("lantern.readme.write")) {
            Files.writeString(README, readme.substring(0, table.start()) + expected + readme.substring(table.end()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, table.group(), "README's settings table differs from " + PROPERTIES
                + ": run this test with -Dlantern.readme.write=true to rewrite it");
    }

    /** server.xml and its includes, where the variables Liberty reads too have their defaults. */
    private static String serverConfiguration() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(SERVER_CONFIG)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    /** Every {@code @ConfigProperty} on a constructor or method parameter of the application. */
    private static List<Reading> readings() {
        List<Reading> readings = new ArrayList<>();
        for (JavaClass type : app) {
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                for (JavaParameter parameter : unit.getParameters()) {
                    Optional<JavaAnnotation<JavaParameter>> annotation = parameter.getAnnotations().stream()
                            .filter(a -> a.getRawType().isEquivalentTo(ConfigProperty.class)).findFirst();
                    annotation.ifPresent(a -> readings.add(new Reading(
                            String.valueOf(a.get("name").orElse("")), unit.getFullName(),
                            parameter.getRawType().isEquivalentTo(Optional.class),
                            String.valueOf(a.get("defaultValue").orElse(UNSET)))));
                }
            }
        }
        return readings;
    }
}
