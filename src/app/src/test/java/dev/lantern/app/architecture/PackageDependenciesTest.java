package dev.lantern.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's packages depend on each other one way only (DESIGN.md: lower concepts below higher ones),
 * read from the compiled classes: no package imports a package that imports it back, {@code errors} and
 * {@code identity} are leaves every feature may use, and the engine is reached only through its exported
 * packages.
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
    void documentsDoNotDependOnGeneration() {
        noClasses().that().resideInAPackage("dev.lantern.app.documents..")
                .should().dependOnClassesThat().resideInAPackage("dev.lantern.app.generation..").check(app);
    }
}
