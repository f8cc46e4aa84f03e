package dev.aslunit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The layering and determinism rules of docs/architecture.md, enforced: the core never reaches up
 * into test frameworks or the CLI, and nothing but the server's real-time mode reads the wall clock.
 */
@AnalyzeClasses(packages = "dev.aslunit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "dev.aslunit.internal.json..", "dev.aslunit.internal.definition..", "dev.aslunit.internal.path..", "dev.aslunit.internal.jsonata..",
        "dev.aslunit.internal.validation..", "dev.aslunit.internal.clock..", "dev.aslunit.internal.history..", "dev.aslunit.internal.facts..", "dev.aslunit.internal.engine..",
        "dev.aslunit.internal.integration..", "dev.aslunit.mock.."
    };

    /** The public API packages a user imports (docs/architecture.md, "The public surface"). */
    private static final String[] API = {
        "dev.aslunit", "dev.aslunit.mock..", "dev.aslunit.assertions..", "dev.aslunit.junit..", "dev.aslunit.cucumber..",
        "dev.aslunit.server..", "dev.aslunit.testfile..", "dev.aslunit.mutation.."
    };

    /**
     * TestState in Java: AWS's TestState is an API operation, so the server answers it, over HTTP and
     * in Java through these public classes; the front door, the assertions and the Cucumber glue use them.
     */
    private static final DescribedPredicate<JavaClass> TEST_STATE = JavaClass.Predicates.simpleNameStartingWith("StateTest")
            .or(JavaClass.Predicates.simpleName("InspectionLevel"))
            .and(resideInAPackage("dev.aslunit.server"));

    /**
     * Words of the API that the core writes too (docs/architecture.md): STANDARD or EXPRESS, and a
     * history event in AWS's shape, which the engine records and a test reads.
     */
    private static final DescribedPredicate<JavaClass> SHARED_WORDS =
            JavaClass.Predicates.equivalentTo(dev.aslunit.StateMachineType.class)
                    .or(JavaClass.Predicates.equivalentTo(dev.aslunit.HistoryEvent.class));

    private static final String[] FRONT_ENDS = {
        "org.junit..", "io.cucumber..", "org.assertj..", "picocli..", "com.github.tomakehurst..", "org.wiremock..",
        "dev.aslunit.junit..", "dev.aslunit.assertions..", "dev.aslunit.cucumber..", "dev.aslunit.internal.cli..",
        "dev.aslunit.server..", "dev.aslunit.testfile.."
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

    /**
     * The core serves the API, never the other way round: nothing below the front door imports it
     * (the mock DSL included: task answers reach the engine through its TaskHandler interface).
     */
    @ArchTest
    static final ArchRule the_core_does_not_import_the_api = noClasses()
            .that().resideInAnyPackage(CORE).and().resideOutsideOfPackage("dev.aslunit.mock..")
            .should().dependOnClassesThat(resideInAnyPackage(API).and(not(SHARED_WORDS)))
            .allowEmptyShould(true);


    @ArchTest
    static final ArchRule the_mock_dsl_knows_only_the_core = noClasses()
            .that().resideInAPackage("dev.aslunit.mock..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aslunit", "dev.aslunit.assertions..",
                    "dev.aslunit.junit..", "dev.aslunit.cucumber..", "dev.aslunit.server..", "dev.aslunit.internal.cli..",
                    "dev.aslunit.internal.report..")
            .allowEmptyShould(true);

    /**
     * The front door and the results it returns stand below every front end and below the reports,
     * but for TestState in Java ({@code sfn.testState}), which is the server's {@link #TEST_STATE} API.
     */
    @ArchTest
    static final ArchRule the_front_door_knows_no_front_end_and_no_report = noClasses()
            .that().resideInAPackage("dev.aslunit")
            .should().dependOnClassesThat(resideInAnyPackage("dev.aslunit.assertions..", "dev.aslunit.junit..",
                    "dev.aslunit.cucumber..", "dev.aslunit.server..", "dev.aslunit.internal.cli..",
                    "dev.aslunit.internal.report..").and(not(TEST_STATE)))
            .allowEmptyShould(true);


    /** Reports read executions and definitions; they are drawn for the front ends, not by them. */
    @ArchTest
    static final ArchRule reports_know_no_front_end = noClasses()
            .that().resideInAPackage("dev.aslunit.internal.report..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aslunit.assertions..", "dev.aslunit.junit..",
                    "dev.aslunit.cucumber..", "dev.aslunit.server..", "dev.aslunit.internal.cli..")
            .allowEmptyShould(true);

    /** Assertions work in any runner: JUnit, Cucumber, a plain main method. */
    @ArchTest
    static final ArchRule assertions_know_no_runner = noClasses()
            .that().resideInAPackage("dev.aslunit.assertions..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.aslunit.junit..", "dev.aslunit.cucumber..",
                    "dev.aslunit.server..", "dev.aslunit.internal.cli..", "org.junit..", "io.cucumber..")
                    .and(not(TEST_STATE)))
            .allowEmptyShould(true);

    /** The front ends are siblings: each stands on the layers below, none on another (but the CLI's serve). */
    @ArchTest
    static final ArchRule front_ends_do_not_lean_on_each_other = noClasses()
            .that().resideInAnyPackage("dev.aslunit.junit..", "dev.aslunit.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aslunit.internal.cli..", "dev.aslunit.cucumber..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cucumber_does_not_lean_on_the_other_front_ends = noClasses()
            .that().resideInAPackage("dev.aslunit.cucumber..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.aslunit.internal.cli..", "dev.aslunit.junit..",
                    "dev.aslunit.server..").and(not(TEST_STATE)))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_server_knows_no_test_runner = noClasses()
            .that().resideInAPackage("dev.aslunit.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aslunit.junit..", "dev.aslunit.cucumber..",
                    "dev.aslunit.assertions..", "org.junit..", "io.cucumber..", "org.assertj..")
            .allowEmptyShould(true);

    /** The facts are the engine's output and the result API's input: they know neither (docs/architecture.md). */
    @ArchTest
    static final ArchRule the_facts_know_neither_the_engine_nor_their_readers = noClasses()
            .that().resideInAPackage("dev.aslunit.internal.facts")
            .should().dependOnClassesThat(resideInAnyPackage("dev.aslunit", "dev.aslunit.internal.engine..",
                    "dev.aslunit.internal.report..", "dev.aslunit.assertions..").and(not(SHARED_WORDS)))
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

    /**
     * The exemptions: a passed-through call (docs/hybrid.md) may measure its real duration, and only
     * to pass it on as virtual latency when the test's configuration asks ({@code passThroughLatency});
     * the runners of whole suites (mutation testing's time budget, the test files' reported durations)
     * time themselves, never an execution.
     */
    @ArchTest
    static final ArchRule real_durations_only_in_the_server_pass_through_and_suite_runners = noClasses()
            .that().resideOutsideOfPackages("dev.aslunit.server..", "dev.aslunit.internal.passthrough..",
                    "dev.aslunit.testfile..")
            .and().doNotHaveFullyQualifiedName("dev.aslunit.internal.mutation.MutationRun")
            .should().callMethod(System.class, "nanoTime")
            .allowEmptyShould(true)
            .because("virtual time is the only time; a pass-through's real duration is opt-in latency");

    /** Pass-through is a task handler under the front door: it knows the engine's SPI, not the API or the front ends. */
    @ArchTest
    static final ArchRule pass_through_is_a_task_handler_below_the_api = noClasses()
            .that().resideInAPackage("dev.aslunit.internal.passthrough..")
            .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.aslunit", "dev.aslunit.mock..",
                    "dev.aslunit.internal.report..", "dev.aslunit.internal.sfnlocal..")
            .allowEmptyShould(true);

    /**
     * Verify on AWS reads what a test's executions recorded and asks an endpoint: it knows the results and
     * the facts, not the engine, the mocks, the pass-through or any front end (the JUnit extension calls it).
     */
    @ArchTest
    static final ArchRule verify_reads_results_and_knows_no_front_end = noClasses()
            .that().resideInAPackage("dev.aslunit.internal.verify..")
            .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.aslunit.mock..", "dev.aslunit.internal.engine..",
                    "dev.aslunit.internal.passthrough..", "dev.aslunit.internal.report..", "dev.aslunit.internal.sfnlocal..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule no_unseeded_randomness = noClasses()
            .that().resideOutsideOfPackage("dev.aslunit.server..")
            .should().callConstructor(Random.class)
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(UUID.class, "randomUUID")
            .allowEmptyShould(true)
            .because("the same inputs and seed must give the same history (the server's request ids are not part of it)");

    private static final DescribedPredicate<JavaClass> ACCESSIBLE = DescribedPredicate.describe("accessible from outside",
            c -> {
                for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
                    if (!k.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                        return false;
                    }
                }
                return true;
            });

    /**
     * A user who names only what the API's signatures show depends on the API alone: no public
     * method, constructor or field of a public API type has an internal type in its signature
     * (docs/architecture.md, "The public surface").
     */
    @ArchTest
    static final ArchRule the_public_api_names_no_internal_type = members()
            .that().arePublic()
            .and().areDeclaredInClassesThat(resideInAnyPackage(API).and(ACCESSIBLE))
            .should(nameNoInternalType())
            .allowEmptyShould(true);

    private static ArchCondition<JavaMember> nameNoInternalType() {
        return new ArchCondition<>("name no internal type in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> involved = new LinkedHashSet<>();
                if (member instanceof JavaCodeUnit unit) {
                    involved.addAll(unit.getAllInvolvedRawTypes());
                    unit.getThrowsClause().getTypes().forEach(involved::add);
                } else if (member instanceof JavaField field) {
                    involved.addAll(field.getAllInvolvedRawTypes());
                }
                for (JavaClass type : involved) {
                    if (type.getPackageName().startsWith("dev.aslunit.internal")) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " names the internal " + type.getName()));
                    }
                }
            }
        };
    }

    @ArchTest
    static final ArchRule only_the_cli_and_server_print = noClasses()
            .that().resideOutsideOfPackages("dev.aslunit.internal.cli..", "dev.aslunit.server..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .allowEmptyShould(true);
}
