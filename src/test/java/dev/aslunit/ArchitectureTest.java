package dev.aslunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;

/**
 * The layering and determinism rules of docs/architecture.md, enforced: the core never reaches up
 * into test frameworks or the CLI, and nothing but the server's real-time mode reads the wall clock.
 */
@AnalyzeClasses(packages = "dev.aslunit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "dev.aslunit.internal.json..", "dev.aslunit.internal.definition..", "dev.aslunit.internal.path..", "dev.aslunit.internal.jsonata..",
        "dev.aslunit.internal.validation..", "dev.aslunit.internal.clock..", "dev.aslunit.internal.history..", "dev.aslunit.internal.engine..",
        "dev.aslunit.internal.integration..", "dev.aslunit.mock.."
    };

    private static final String[] FRONT_ENDS = {
        "org.junit..", "io.cucumber..", "org.assertj..", "picocli..", "com.github.tomakehurst..", "org.wiremock..",
        "dev.aslunit.junit..", "dev.aslunit.assertions..", "dev.aslunit.cucumber..", "dev.aslunit.internal.cli..",
        "dev.aslunit.server.."
    };

    @ArchTest
    static final ArchRule the_core_knows_no_test_framework_and_no_front_end = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
            .allowEmptyShould(true);

    /**
     * The engine writes AWS's service contracts into the history (resource kinds, the parameter
     * checks, the responses in {@code TaskSubmitted}), so it may read {@code dev.aslunit.internal.integration}'s
     * pure shapes; it never knows who answers a task (mocks, the HTTP client).
     */
    @ArchTest
    static final ArchRule the_engine_does_not_depend_on_mocks_or_task_handlers = noClasses()
            .that().resideInAnyPackage("dev.aslunit.internal.engine..", "dev.aslunit.internal.clock..", "dev.aslunit.internal.history..",
                    "dev.aslunit.internal.path..", "dev.aslunit.internal.jsonata..", "dev.aslunit.internal.definition..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aslunit.mock..", "dev.aslunit.internal.integration.http..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule only_the_engine_reads_the_service_contracts_below_it = noClasses()
            .that().resideInAnyPackage("dev.aslunit.internal.clock..", "dev.aslunit.internal.history..", "dev.aslunit.internal.path..",
                    "dev.aslunit.internal.jsonata..", "dev.aslunit.internal.definition..")
            .should().dependOnClassesThat().resideInAPackage("dev.aslunit.internal.integration..")
            .allowEmptyShould(true);

    /**
     * What keeps the engine's use of the service contracts free of cycles; {@code dev.aslunit.internal.json}
     * (reading and writing JSON text over Jackson, depending on nothing of ours) sits below them.
     */
    @ArchTest
    static final ArchRule the_service_contracts_are_pure = noClasses()
            .that().resideInAPackage("dev.aslunit.internal.integration")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "dev.aslunit.internal.integration", "dev.aslunit.internal.json", "java..", "com.fasterxml.jackson..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_model_depends_on_nothing_above_it = noClasses()
            .that().resideInAPackage("dev.aslunit.internal.definition")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "dev.aslunit.internal.definition", "java..", "com.fasterxml.jackson..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule no_wall_clock_outside_the_server = noClasses()
            .that().resideOutsideOfPackage("dev.aslunit.server..")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .allowEmptyShould(true)
            .because("virtual time is the only time: determinism is the product");

    @ArchTest
    static final ArchRule no_unseeded_randomness = noClasses()
            .that().resideOutsideOfPackage("dev.aslunit.server..")
            .should().callConstructor(Random.class)
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(UUID.class, "randomUUID")
            .allowEmptyShould(true)
            .because("the same inputs and seed must give the same history (the server's request ids are not part of it)");

    @ArchTest
    static final ArchRule only_the_cli_and_server_print = noClasses()
            .that().resideOutsideOfPackages("dev.aslunit.internal.cli..", "dev.aslunit.server..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .allowEmptyShould(true);
}
