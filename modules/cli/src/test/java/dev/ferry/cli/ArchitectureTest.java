package dev.ferry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Holds the module boundaries of STYLE.md: model ← engine ← plan, cli on top; logging through SLF4J only. */
class ArchitectureTest {

    private static final JavaClasses FERRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferry");

    @Test
    void modelDependsOnNoOtherFerryModule() {
        noClasses().that().resideInAPackage("dev.ferry.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.plan..",
                        "dev.ferry.cli..", "dev.ferry.testkit..")
                .check(FERRY);
    }

    @Test
    void engineDependsOnlyOnModel() {
        noClasses().that().resideInAPackage("dev.ferry.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.plan..", "dev.ferry.cli..",
                        "dev.ferry.testkit..")
                .check(FERRY);
    }

    @Test
    void planDoesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("dev.ferry.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.cli..", "dev.ferry.testkit..")
                .check(FERRY);
    }

    @Test
    void onlyTheCliPrints() {
        noClasses().that().resideOutsideOfPackage("dev.ferry.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(FERRY);
    }

    @Test
    void noJavaFxOrFabric8InTheCore() {
        noClasses().that().resideOutsideOfPackages("dev.ferry.cluster..", "dev.ferry.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fabric8..")
                .check(FERRY);
    }

    @Test
    void clusterDependsOnlyOnModel() {
        noClasses().that().resideInAPackage("dev.ferry.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.plan..",
                        "dev.ferry.cli..", "dev.ferry.testkit..", "dev.ferry.sandbox..", "javafx..")
                .check(FERRY);
    }

    @Test
    void logsThroughSlf4jOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                "org.apache.logging.log4j..")
                .check(FERRY);
    }
}
