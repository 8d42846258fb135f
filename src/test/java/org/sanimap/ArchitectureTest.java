package org.sanimap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the architecture the developers' guide asks for. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sanimap");

    @Test
    void engineIsPureJavaAndJts() {
        classes().that().resideInAPackage("org.sanimap.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.locationtech.jts..",
                        "org.locationtech.proj4j..", "org.sanimap.engine..", "com.google.ortools..", "com.uber.h3core..",
                        "com.graphhopper..")
                .because("engine packages hold no Spring, SQL or JSON")
                .check(PRODUCT);
    }

    @Test
    void onlyTheStoreTouchesDatabaseDrivers() {
        noClasses().that().resideOutsideOfPackage("org.sanimap.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.h2gis..", "org.postgresql..",
                        "net.postgis..")
                .because("store is the only place with database-specific code")
                .check(PRODUCT);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(PRODUCT);
    }

    @Test
    void repositoriesArePackagePrivateAndUsedOnlyInTheirFeature() {
        classes().that().areAnnotatedWith(Repository.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(PRODUCT);
    }

    @Test
    void featuresReachEachOtherOnlyThroughPublicTypes() {
        // controllers and repositories are package-private (above), so a feature can use another only
        // through its public service and public domain types; the engine never depends on features.
        noClasses().that().resideInAPackage("org.sanimap.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sanimap.facility..", "org.sanimap.importing..",
                        "org.sanimap.demand..", "org.sanimap.store..", "org.sanimap.web..")
                .check(PRODUCT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.sanimap.(*)..").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void noCatchAllClassNames() {
        noClasses().should().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper")
                .check(PRODUCT);
    }
}
