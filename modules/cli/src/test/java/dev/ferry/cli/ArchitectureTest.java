package dev.ferry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Holds the module boundaries of STYLE.md: model ← engine ← plan, cluster on the model alone, cli on top; fabric8 only
 * in cluster and sandbox; logging through SLF4J only. The app has its own test for JavaFX staying in the app.
 */
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
    void packagesOfTheCoreAreFreeOfCycles() {
        slices().matching("dev.ferry.(model|engine|plan).(*)..").should().beFreeOfCycles().check(FERRY);
    }

    @Test
    void onlyTheCliPrints() {
        noClasses().that().resideOutsideOfPackage("dev.ferry.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(FERRY);
    }

    @Test
    void noJavaFxOutsideTheAppAndNoFabric8OutsideClusterAndSandbox() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(FERRY);
        noClasses().that().resideOutsideOfPackages("dev.ferry.cluster..", "dev.ferry.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "io.vertx..")
                .check(FERRY);
    }

    @Test
    void theCoreKnowsNothingOfClusters() {
        noClasses().that().resideInAnyPackage("dev.ferry.model..", "dev.ferry.engine..", "dev.ferry.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.cluster..", "dev.ferry.sandbox..")
                .check(FERRY);
    }

    @Test
    void theClusterModuleSeesOnlyTheModel() {
        noClasses().that().resideInAPackage("dev.ferry.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.plan..",
                        "dev.ferry.cli..", "dev.ferry.sandbox..")
                .check(FERRY);
    }

    @Test
    void sandboxDependsOnlyOnModel() {
        noClasses().that().resideInAPackage("dev.ferry.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.plan..",
                        "dev.ferry.cli..", "dev.ferry.testkit..", "dev.ferry.cluster..")
                .check(FERRY);
    }

    @Test
    void logsThroughSlf4jOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                "org.apache.logging.log4j..")
                .check(FERRY);
    }
}
