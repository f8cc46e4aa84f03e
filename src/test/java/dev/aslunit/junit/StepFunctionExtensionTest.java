package dev.aslunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.junit.elsewhere.SameRootResourceElsewhere;
import dev.aslunit.testkit.TestKit;
import dev.aslunit.testkit.TestKitOnly;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class StepFunctionExtensionTest {

    @Test
    void injects_one_sandbox_per_test_into_parameters_and_fields_and_a_method_overrides_the_class() {
        TestKit.run(ExtensionFixtures.ParametersAndFields.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void nested_classes_inherit_the_configuration_and_share_the_sandbox_with_outer_before_each() {
        TestKit.run(ExtensionFixtures.NestedClasses.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Test
    void tests_run_in_parallel_in_isolation_on_one_compiled_definition() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(ExtensionFixtures.InParallel.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.succeeded(8).failed(0));
        // one instance, not equal records compiled eight times (a definition is a record)
        StateMachineDefinition first = ExtensionFixtures.InParallel.DEFINITIONS.values().iterator().next();
        assertThat(ExtensionFixtures.InParallel.DEFINITIONS.values()).hasSize(8).allSatisfy(d -> assertThat(d).isSameAs(first));
    }

    @Test
    void test_classes_of_different_packages_finding_the_same_classpath_root_definition_share_its_compilation() {
        SameRootResourceElsewhere.DEFINITIONS.clear();

        TestKit.run(ExtensionFixtures.SameRootResource.class, SameRootResourceElsewhere.class).testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(0));

        // the same instance, not an equal record compiled twice
        assertThat(SameRootResourceElsewhere.DEFINITIONS).hasSize(2);
        assertThat(SameRootResourceElsewhere.DEFINITIONS.get(ExtensionFixtures.SameRootResource.class.getName()))
                .isSameAs(SameRootResourceElsewhere.DEFINITIONS.get(SameRootResourceElsewhere.class.getName()));
    }

    @Test
    void each_test_has_its_own_s3() {
        TestKit.run(ExtensionFixtures.S3PerTest.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void a_missing_definition_fails_the_class_once_listing_where_it_looked() {
        EngineExecutionResults results = TestKit.run(ExtensionFixtures.MissingDefinition.class);

        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("MissingDefinition"),
                finishedWithFailure(message(m -> m.startsWith(
                        "Cannot find the state machine definition \"no-such-definition.asl.json\". Looked in:\n"
                                + "  classpath:no-such-definition.asl.json\n"
                                + "  classpath:dev/aslunit/junit/no-such-definition.asl.json"
                                + " (the package of MissingDefinition)\n")))));
    }

    @Test
    void strict_mocks_fail_a_test_that_left_a_mock_unused() {
        EngineExecutionResults results = TestKit.run(ExtensionFixtures.StrictMocks.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("an_unused_mock_fails_a_passing_test"), finishedWithFailure(message(m ->
                        m.startsWith("Mocks that no Task call reached (strictMocks): mock(\"SendReminder\")"
                                + " (ExtensionFixtures.java:")))))
                .haveExactly(1, event(test("used_mocks_pass"), finishedSuccessfully()))
                .haveExactly(1, event(test("a_failing_test_is_not_blamed_on_its_mocks"),
                        finishedWithFailure(message("the test's own failure"))));
    }

    @Test
    void without_strict_mocks_an_unused_mock_is_published_as_a_report_entry() {
        EngineExecutionResults results = TestKit.run(ExtensionFixtures.LenientMocks.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow())
                .map(entry -> entry.getKeyValuePairs().get("aslunit.unusedMocks")))
                .singleElement().asString().startsWith("mock(\"SendReminder\") (ExtensionFixtures.java:");
    }

    @Test
    void injected_soft_assertions_report_every_failure_after_the_test() {
        TestKit.run(ExtensionFixtures.SoftAssertions.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("failures_are_reported_together_at_the_end"), finishedWithFailure(message(m ->
                        m.contains("Multiple Failures (2 failures)") && m.contains("to have failed")
                                && m.contains("to have taken 1m of virtual time")))));
    }

    @Test
    void the_extension_can_be_configured_in_code() {
        TestKit.run(ExtensionFixtures.Registered.class).testEvents()
                .assertThatEvents().haveExactly(1, event(test("configured_in_code"), finishedSuccessfully()));
    }

    @Test
    void without_a_definition_the_test_is_told_how_to_give_one() {
        TestKit.run(ExtensionFixtures.NoDefinition.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("asks_for_a_sandbox"), finishedWithFailure(message(m -> m.contains(
                        "No state machine definition for asks_for_a_sandbox(StateMachineUnderTest): give one with"
                                + " @StepFunctionTest(definition = \"order-processing.asl.json\")")))));
    }

    @Test
    void a_sam_template_with_logical_id_substitutions_and_type() {
        TestKit.run(ExtensionFixtures.SamTemplate.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void a_bad_attribute_says_what_to_write_instead() {
        TestKit.run(ExtensionFixtures.BadStartTime.class).containerEvents().assertThatEvents()
                .haveExactly(1, event(container("BadStartTime"), finishedWithFailure(message(m -> m.startsWith(
                        "startTime \"yesterday\" on class dev.aslunit.junit.ExtensionFixtures$BadStartTime is not an"
                                + " ISO-8601 instant such as 2026-01-05T09:00:00Z")))));
    }
}
