package dev.aslunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.testkit.TestKitOnly;
import java.time.Duration;
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
        assertThat(d.testClasses()).containsExactly(MutationFixtures.SmallOrderPathOnly.class.getName());
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
        MutationReport report = of(MutationFixtures.HangsOnMutants.class).mutantTimeout(Duration.ofMillis(200)).run();

        DefinitionMutations d = report.definitions().get(0);
        assertThat(d.results()).filteredOn(r -> !r.mutant().isEquivalent())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(MutantResult.Status.TIMED_OUT));
        assertThat(d.score()).isEqualTo(1.0);
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
