package dev.lantern.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lantern.engine.LanguageModel;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's packages depend on each other one way only (DESIGN.md: lower concepts below higher ones),
 * read from the compiled classes: no package imports a package that imports it back, {@code errors} and
 * {@code identity} are leaves every feature may use, and the engine is reached only through the packages its
 * {@code module-info} exports (the WAR puts the engine on the class path, where exports are not enforced).
 */
class PackageDependenciesTest {

    private static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lantern.app");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.lantern.app.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void errorsAndIdentityDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.lantern.app.errors..", "dev.lantern.app.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lantern.app.auth..",
                        "dev.lantern.app.ratelimit..", "dev.lantern.app.documents..", "dev.lantern.app.generation..",
                        "dev.lantern.app.models..", "dev.lantern.app.statistics..")
                .check(app);
    }

    @Test
    void rateLimitingDoesNotDependOnAuthentication() {
        noClasses().that().resideInAPackage("dev.lantern.app.ratelimit..")
                .should().dependOnClassesThat().resideInAPackage("dev.lantern.app.auth..").check(app);
    }

    @Test
    void theEngineIsReachedOnlyThroughItsExportedPackages() throws Exception {
        Path engine = Path.of(LanguageModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(engine).findAll().iterator().next().descriptor();
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        noClasses().that().resideInAPackage("dev.lantern.app..").should().dependOnClassesThat(
                        new DescribedPredicate<JavaClass>("are in a package the engine does not export " + exported) {
                            @Override
                            public boolean test(JavaClass type) {
                                return type.getPackageName().startsWith("dev.lantern.engine")
                                        && !exported.contains(type.getPackageName());
                            }
                        })
                .check(app);
    }

    @Test
    void documentsDoNotDependOnGeneration() {
        noClasses().that().resideInAPackage("dev.lantern.app.documents..")
                .should().dependOnClassesThat().resideInAPackage("dev.lantern.app.generation..").check(app);
    }
}
