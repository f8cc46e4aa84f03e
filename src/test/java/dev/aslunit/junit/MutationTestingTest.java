package dev.aslunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.testkit.TestKitOnly;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MutationTestingTest {

    static MutationTesting.Builder of(Class<?> fixture) {
        return MutationTesting.of(fixture).threads(2).configurationParameter(TestKitOnly.PARAMETER, "true");
    }

    @Test
    void each_mutant_replaces_the_definition_and_the_tests_kill_what_they_check() {
        MutationReport report = of(MutationFixtures.SmallOrderPathOnly.class).run();

        assertThat(report.definitions()).hasSize(1);
        DefinitionMutations d = report.definitions().get(0);
        assertThat(d.definition()).isEqualTo("/dev/aslunit/orders.asl.json");
        assertThat(d.tests()).containsExactly(MutationFixtures.SmallOrderPathOnly.class.getName());
        Map<String, MutantResult> byId = d.results().stream()
                .collect(Collectors.toMap(r -> r.mutant().id(), Function.identity()));
        // the small order goes to the Default: sending the Default elsewhere changes the path the test asserts
        MutantResult swapped = byId.get("choice-swap@/States/NeedsApproval/Choices/0/Next=Default");
        assertThat(swapped.status()).isEqualTo(MutantResult.Status.KILLED);
        assertThat(swapped.killedBy()).isEqualTo(MutationFixtures.SmallOrderPathOnly.class.getName() + "#a_small_order_ships");
        assertThat(swapped.failure()).contains("AwaitApproval");
        // 250 is far from 1000: the boundary is never tested
        assertThat(byId.get("choice-constant@/States/NeedsApproval/Choices/0/NumericGreaterThan=1001").status())
                .isEqualTo(MutantResult.Status.SURVIVED);
        assertThat(d.score()).isStrictlyBetween(0.0, 1.0);
        assertThat(report.check(1.0)).hasValueSatisfying(message -> assertThat(message)
                .contains("/dev/aslunit/orders.asl.json: mutation score")
                .contains("choice-constant@/States/NeedsApproval/Choices/0/NumericGreaterThan=1001")
                .contains("Run inputs at the constant and one past it"));
        assertThat(report.check(0.0)).isEmpty();
    }

    @Test
    void a_suite_that_fails_without_mutants_is_refused() {
        assertThatThrownBy(() -> of(MutationFixtures.AlreadyFailing.class).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The tests fail without any mutant: " + MutationFixtures.AlreadyFailing.class.getName()
                        + "#expects_the_wrong_path")
                .hasMessageContaining("fix it first");
    }

    @Test
    void mutants_not_started_within_the_time_budget_are_not_run_and_do_not_count() {
        MutationReport report = of(MutationFixtures.SmallOrderPathOnly.class).timeBudget(Duration.ZERO).run();

        DefinitionMutations d = report.definitions().get(0);
        assertThat(d.count(MutantResult.Status.NOT_RUN) + d.count(MutantResult.Status.EQUIVALENT))
                .isEqualTo(d.results().size());
        assertThat(d.score()).isEqualTo(1.0);
    }

    @Test
    void a_mutant_whose_tests_outlast_the_timeout_counts_as_killed() {
        List<Thread> before = mutantThreads();
        MutationReport report = of(MutationFixtures.HangsOnMutants.class).mutantTimeout(Duration.ofMillis(200)).run();

        DefinitionMutations d = report.definitions().get(0);
        assertThat(d.results()).filteredOn(r -> !r.mutant().isEquivalent())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(MutantResult.Status.TIMED_OUT));
        assertThat(d.score()).isEqualTo(1.0);
        assertThat(threadsLeftBy(before)).as("mutant threads this run left alive").isEmpty();
    }

    @Test
    void a_mutant_run_past_its_time_is_stopped_and_leaves_no_thread_behind() {
        // busy running executions: the interrupt alone would not end it, its sandbox's clock stops it
        List<Thread> before = mutantThreads();
        MutationReport busy = of(MutationFixtures.RunsUntilStopped.class).mutantTimeout(Duration.ofMillis(200)).run();

        assertThat(busy.definitions().get(0).results()).filteredOn(r -> !r.mutant().isEquivalent())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(MutantResult.Status.TIMED_OUT));
        assertThat(threadsLeftBy(before)).as("mutant threads this run left alive").isEmpty();
    }

    @Test
    void mutants_still_running_when_the_time_budget_is_spent_are_stopped_and_not_counted() {
        List<Thread> before = mutantThreads();
        MutationReport report = of(MutationFixtures.RunsUntilStopped.class).mutantTimeout(Duration.ofMinutes(5))
                .timeBudget(Duration.ofMillis(500)).run();

        DefinitionMutations d = report.definitions().get(0);
        assertThat(d.count(MutantResult.Status.NOT_RUN) + d.count(MutantResult.Status.EQUIVALENT))
                .isEqualTo(d.results().size());
        assertThat(threadsLeftBy(before)).as("mutant threads this run left alive").isEmpty();
    }

    /**
     * The mutant threads a run started that are still alive once each had up to a minute to end:
     * the stop is seen at a sandbox clock's next action, which a loaded machine can delay past the
     * runner's own 10 s grace; a thread that never ends is still found.
     */
    private static List<Thread> threadsLeftBy(List<Thread> before) {
        for (Thread t : mutantThreads()) {
            if (!before.contains(t)) {
                try {
                    t.join(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return mutantThreads().stream().filter(t -> !before.contains(t)).toList();
    }

    private static List<Thread> mutantThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("aslunit-mutant") && t.isAlive()).toList();
    }

    @Test
    void cucumber_scenarios_run_against_the_mutants_of_the_definitions_they_load() {
        MutationReport report = MutationTesting.ofFeatures(FEATURE).threads(2).run();

        assertThat(report.definitions()).extracting(DefinitionMutations::definition)
                .containsExactly("dev/aslunit/orders.asl.json", "dev/aslunit/approval.asl.json");
        DefinitionMutations orders = report.definitions().get(0);
        assertThat(orders.tests()).containsExactly(FEATURE.toString());
        Map<String, MutantResult> byId = byId(orders);
        MutantResult swapped = byId.get("choice-swap@/States/NeedsApproval/Choices/0/Next=Default");
        assertThat(swapped.status()).isEqualTo(MutantResult.Status.KILLED);
        assertThat(swapped.killedBy()).isEqualTo(FEATURE + ":5 a small order ships");
        assertThat(swapped.failure()).contains("AwaitApproval");
        assertThat(byId.get("choice-constant@/States/NeedsApproval/Choices/0/NumericGreaterThan=1001").status())
                .isEqualTo(MutantResult.Status.SURVIVED);
        // the mutants of orders run only the scenario that loads orders
        assertThat(orders.results()).filteredOn(r -> r.killedBy() != null)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.killedBy()).startsWith(FEATURE + ":5 "));
    }

    @Test
    void test_file_cases_run_against_the_mutants_in_this_jvm() {
        MutationReport report = MutationTesting.ofTestFiles(TEST_FILE).threads(2).run();

        DefinitionMutations orders = report.definitions().get(0);
        assertThat(orders.definition()).isEqualTo("src/test/resources/dev/aslunit/orders.asl.json");
        assertThat(orders.tests()).containsExactly(TEST_FILE.toString());
        Map<String, MutantResult> byId = byId(orders);
        MutantResult swapped = byId.get("choice-swap@/States/NeedsApproval/Choices/0/Next=Default");
        assertThat(swapped.status()).isEqualTo(MutantResult.Status.KILLED);
        assertThat(swapped.killedBy()).isEqualTo(TEST_FILE + ":7:5 (/cases/0) a small order ships");
        assertThat(byId.get("choice-constant@/States/NeedsApproval/Choices/0/NumericGreaterThan=1001").status())
                .isEqualTo(MutantResult.Status.SURVIVED);
    }

    @Test
    void the_front_ends_testing_one_definition_share_its_mutants() {
        MutationReport report = of(MutationFixtures.SmallOrderPathOnly.class).features(FEATURE).run();

        DefinitionMutations orders = report.definitions().get(0);
        assertThat(orders.definition()).isEqualTo("/dev/aslunit/orders.asl.json");
        assertThat(orders.tests()).containsExactly(MutationFixtures.SmallOrderPathOnly.class.getName(), FEATURE.toString());
        assertThat(report.definitions()).extracting(DefinitionMutations::definition)
                .containsExactly("/dev/aslunit/orders.asl.json", "dev/aslunit/approval.asl.json");
    }

    @Test
    void features_and_test_files_that_fail_without_mutants_are_refused() {
        assertThatThrownBy(() -> MutationTesting.ofFeatures(Path.of("src/test/resources/dev/aslunit/cucumber/failing"))
                .run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The features fail without any mutant: src/test/resources/dev/aslunit/cucumber/failing/");
        assertThatThrownBy(() -> MutationTesting.ofTestFiles(Path.of("examples/failing")).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The test files fail without any mutant: examples/failing/order-processing-failing.aslunit.yaml:");
        assertThatThrownBy(() -> MutationTesting.ofFeatures(Path.of("no/such/features")).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No feature file or directory").hasMessageContaining("no/such/features");
    }

    private static final Path FEATURE = Path.of("src/test/resources/dev/aslunit/mutation/small-order.feature");
    private static final Path TEST_FILE = Path.of("src/test/resources/dev/aslunit/mutation/small-order.aslunit.yaml");

    private static Map<String, MutantResult> byId(DefinitionMutations d) {
        return d.results().stream().collect(Collectors.toMap(r -> r.mutant().id(), Function.identity()));
    }

    @Test
    void a_class_without_a_definition_is_refused() {
        assertThatThrownBy(() -> MutationTesting.of(MutationTestingTest.class).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No @StepFunctionTest definition in " + MutationTestingTest.class.getName());
        assertThatThrownBy(() -> MutationTesting.of("com.example.NoSuchTest"))
                .hasMessageContaining("No test class com.example.NoSuchTest on the classpath");
    }
}
