package com.example.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.junit.MutationTesting;
import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.MutationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Mutation testing of the example workflows in every build, through each front end: the
 * human-approval and JSONata quote test classes, the order-processing Cucumber feature, and the
 * order-processing test file run against every mutant of their definitions and must kill at least
 * 90% of them. The reports go beside the coverage report (target/aslunit/mutation*.html).
 * {@code mvn -Pmutation verify} does more of the same from the command line.
 */
class WorkflowMutationTest {

    @Test
    void the_example_tests_notice_mistakes_in_their_workflows() {
        MutationReport report = MutationTesting.of("com.example.approval.HumanApprovalTest",
                "com.example.quote.QuoteTest").threads(2).reportTo(Path.of("target/aslunit")).run();

        assertThat(report.definitions()).extracting(DefinitionMutations::definition).containsExactly(
                "examples/human-approval/human-approval.asl.json", "examples/jsonata-quote/quote.asl.json");
        assertThat(report.check(0.9)).isEmpty();
    }

    @Test
    void the_order_scenarios_notice_mistakes_in_their_workflow() {
        MutationReport report = MutationTesting.ofFeatures(Path.of("cucumber-features/order-processing.feature"))
                .threads(2).reportTo(Path.of("target/aslunit/mutation-features")).run();

        assertThat(report.definitions()).extracting(DefinitionMutations::definition)
                .containsExactly("examples/order-processing/order-processing.asl.json");
        assertThat(report.check(0.9)).isEmpty();
    }

    @Test
    void the_order_test_file_notices_mistakes_in_its_workflow() {
        MutationReport report = MutationTesting.ofTestFiles(Path.of("examples/order-processing"))
                .threads(2).reportTo(Path.of("target/aslunit/mutation-test-files")).run();

        assertThat(report.definitions()).extracting(DefinitionMutations::definition)
                .containsExactly("examples/order-processing/order-processing.asl.json");
        assertThat(report.check(0.9)).isEmpty();
    }
}
